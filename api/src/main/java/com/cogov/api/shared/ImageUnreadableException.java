package com.cogov.api.shared;

import com.cogov.contracts.error.ErrorCode;

/**
 * The upload is an image by its first bytes, but its pixels cannot be read: cut off, corrupt, or absurdly large
 * ({@link ImageUpload}).
 */
public final class ImageUnreadableException extends CogovException {

    private ImageUnreadableException(String detail) {
        super(ErrorCode.IMAGE_UNREADABLE, detail);
    }

    static ImageUnreadableException corrupt() {
        return new ImageUnreadableException("图片已损坏，无法读取，请重新拍摄后上传");
    }

    static ImageUnreadableException incomplete() {
        return new ImageUnreadableException("图片不完整（可能上传时中断），请重新拍摄后上传");
    }

    static ImageUnreadableException tooManyPixels(int width, int height) {
        return new ImageUnreadableException("图片尺寸为 " + width + "×" + height + " 像素，超过 5000 万像素，请用手机相机正常拍摄后上传");
    }
}
