package com.cogov.api.file;

import java.time.Instant;

/**
 * A signed link to one file ({@link FileService#link}): the app serving files by link answers
 * {@code {path}?expires={expires}&signature={signature}} under its public address.
 *
 * @param path relative to the serving app's public base, e.g. {@code /files/q3Yx…}
 */
public record FileLink(String path, long expires, String signature) {

    /** The whole URL under the public base (e.g. {@code https://mp.example.gov.cn/mp/v1}). */
    public String under(String publicBase) {
        String base = publicBase.endsWith("/") ? publicBase.substring(0, publicBase.length() - 1) : publicBase;
        return base + path + "?expires=" + expires + "&signature=" + signature;
    }

    static FileLink of(String fileId, Instant expires, String signature) {
        return new FileLink("/files/" + fileId, expires.getEpochSecond(), signature);
    }
}
