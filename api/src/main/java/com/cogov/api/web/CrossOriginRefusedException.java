package com.cogov.api.web;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/**
 * A browser asked, for another web site, to call these APIs. The apps allow no cross-origin calls: the mini-program's
 * requests are not browser requests, and the portal's front end is served from the API's own origin.
 */
class CrossOriginRefusedException extends CogovException {

    CrossOriginRefusedException() {
        super(ErrorCode.CROSS_ORIGIN_REFUSED, "本服务只接受小程序和门户页面自身发出的请求，不接受其他网站发起的跨域请求");
    }
}
