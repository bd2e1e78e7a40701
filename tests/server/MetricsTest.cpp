// MetricsTest: the Prometheus text of the counters that have no request to go through.
#include <gtest/gtest.h>

#include <string>

#include "app/Metrics.h"

namespace cadre::server {
namespace {

TEST(Metrics, RequestsTheListenerAnsweredItselfAreCountedByCode) {
    Metrics metrics;
    EXPECT_NE(metrics.render().find("# TYPE cadre_http_refused_total counter\n"),
              std::string::npos);
    EXPECT_EQ(metrics.render().find("cadre_http_refused_total{"), std::string::npos);
    metrics.listenerRefused("busy");
    metrics.listenerRefused("body_too_large");
    metrics.listenerRefused("busy");
    const std::string text = metrics.render();
    EXPECT_NE(text.find("\ncadre_http_refused_total{code=\"busy\"} 2\n"), std::string::npos)
        << text;
    EXPECT_NE(text.find("\ncadre_http_refused_total{code=\"body_too_large\"} 1\n"),
              std::string::npos)
        << text;
}

}  // namespace
}  // namespace cadre::server
