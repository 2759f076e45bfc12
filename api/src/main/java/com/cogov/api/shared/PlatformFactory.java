package com.cogov.api.shared;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaRedissonConfigImpl;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmCompilationMetrics;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * The clients of the real components: Redis through Redisson and WeChat through WxJava. The same code runs against
 * the embedded default, the tests and production; only the addresses in configuration differ.
 */
@Factory
class PlatformFactory {

    /**
     * The JIT's compile time ({@code jvm_compilation_time_ms_total}): for the first minutes after a start, a node runs
     * code the compiler has not reached yet. The load harness measures only once this has settled.
     */
    @Singleton
    MeterBinder compilationMetrics() {
        return new JvmCompilationMetrics();
    }

    /** One clock for every time-dependent rule, so tests and rules agree on "now". */
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    @Bean(preDestroy = "shutdown")
    RedissonClient redisson(RedisConfiguration redis) {
        Config config = new Config();
        // Connect on first use, so an app node starts (and serves what does not need Redis) while Redis is down.
        config.setLazyInitialization(true);
        config.setPassword(redis.password());
        config.useSingleServer()
                .setAddress(redis.address())
                .setDatabase(redis.database())
                .setTimeout((int) redis.timeout().toMillis())
                .setConnectTimeout((int) redis.timeout().toMillis())
                .setRetryAttempts(1)
                .setConnectionPoolSize(redis.connectionPoolSize())
                .setConnectionMinimumIdleSize(1);
        return Redisson.create(config);
    }

    @Singleton
    WxMaService weChat(WeChatConfiguration weChat, RedissonClient redisson) {
        // Access tokens are kept in Redis so that every app node shares one token instead of refreshing its own.
        WxMaRedissonConfigImpl config = new WxMaRedissonConfigImpl(redisson, "cogov:wechat");
        config.setAppid(weChat.appId());
        config.setSecret(weChat.appSecret());
        config.setApiHostUrl(weChat.apiHost());
        // Message push (the content check's callback): WxMaService.checkSignature verifies pushes with this token.
        config.setToken(weChat.messagePushToken());
        WxMaServiceImpl service = new WxMaServiceImpl();
        service.setWxMaConfig(config);
        // WxJava retries WeChat's "system busy" up to 5 times, sleeping 1 s more each time: a clerk would wait 15 s.
        // One quick retry, then the user is told to try again.
        service.setMaxRetryTimes(1);
        service.setRetrySleepMillis(200);
        return service;
    }
}
