// served by StaticResourceCachingTest
