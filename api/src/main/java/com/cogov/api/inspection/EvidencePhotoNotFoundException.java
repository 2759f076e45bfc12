package com.cogov.api.inspection;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** No such photo, or one the caller may not read: the same answer. */
public final class EvidencePhotoNotFoundException extends CogovException {

    EvidencePhotoNotFoundException() {
        super(ErrorCode.EVIDENCE_PHOTO_NOT_FOUND, "照片不存在或您无权查看");
    }
}
