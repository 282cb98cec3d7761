package org.rollcall.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.RollcallIntegrationTest;
import org.rollcall.support.TestApi;
import org.rollcall.support.TestTeacher;
import org.springframework.beans.factory.annotation.Autowired;

@RollcallIntegrationTest
class StaticResourceCachingTest {

    @Autowired
    TestApi api;

    @Test
    void hashedAssetsAreCachedForAYear() {
        ApiResponse asset = api.get("/assets/cache-probe-3f9a1c.js").send();
        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.headers().getCacheControl())
                .contains("max-age=31536000")
                .contains("immutable");
    }

    @Test
    void apiAnswersAreNeverStored() {
        TestTeacher teacher = api.newTeacher();
        ApiResponse account = api.get("/api/account").as(teacher).send();
        assertThat(account.headers().getCacheControl()).contains("no-store");
    }

    @Test
    void pagesMayRunScriptFromTheirOwnOriginOnly() {
        ApiResponse page = api.get("/index.html").send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().getFirst("Content-Security-Policy"))
                .contains("script-src 'self' 'wasm-unsafe-eval';")
                .contains("object-src 'none'")
                .contains("frame-ancestors 'none'");
    }
}
