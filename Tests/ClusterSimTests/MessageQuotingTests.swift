import Testing

@testable import ClusterSim

/// Names quoted in the API's messages as Go's `%q` quotes them, and image names as the simulated nodes read them.
@Suite struct MessageQuotingTests {
    @Test func namesAreQuotedWithGoEscapesOnlyWhereNeeded() {
        #expect(goQuote("nginx-service") == "\"nginx-service\"")
        #expect(goQuote("") == "\"\"")
        #expect(goQuote("café e\u{301}") == "\"café e\u{301}\"")
        #expect(goQuote("say \"hi\"") == "\"say \\\"hi\\\"\"")
        #expect(goQuote("a\\b") == "\"a\\\\b\"")
        #expect(goQuote("one\ntwo\tthree\r") == "\"one\\ntwo\\tthree\\r\"")
        #expect(goQuote("nul\u{0}bell\u{7}esc\u{1B}del\u{7F}") == "\"nul\\x00bell\\x07esc\\x1bdel\\x7f\"")
        #expect(goQuote("é\"") == "\"é\\\"\"")
    }

    @Test func anImageIsKnownByItsRepositoryWithoutRegistryTagOrDigest() {
        #expect(ImageCatalogue.repository(of: "registry.k8s.io/ingress-nginx/controller:v1.9.4@sha256:0123") == "ingress-nginx/controller")
        #expect(ImageCatalogue.repository(of: "nginx:1.25") == "nginx")
        #expect(ImageCatalogue.repository(of: "library/nginx") == "nginx")
        #expect(ImageCatalogue.repository(of: "docker.io/library/tomcat:9") == "tomcat")
        #expect(ImageCatalogue.repository(of: "localhost/app:1") == "app")
        #expect(ImageCatalogue.repository(of: "registry:5000/team/app") == "team/app")
        #expect(ImageCatalogue.repository(of: "team/app:2") == "team/app")
        // Odd but ASCII references, read on their bytes, cut as the Character walk cuts them.
        #expect(ImageCatalogue.repository(of: "") == "")
        #expect(ImageCatalogue.repository(of: "a//b") == "a/b")
        #expect(ImageCatalogue.repository(of: "/nginx") == "nginx")
        #expect(ImageCatalogue.repository(of: "nginx:") == "nginx")
        #expect(ImageCatalogue.repository(of: "host:5000") == "host")
        #expect(ImageCatalogue.repository(of: "a@b@c") == "a")
        #expect(ImageCatalogue.repository(of: "library") == "")
        #expect(ImageCatalogue.repository(of: "localhost") == "localhost")
        #expect(ImageCatalogue.repository(of: "my.registry/library/x:1") == "x")
        #expect(ImageCatalogue.repository(of: "ré.gistry/library/x:1") == "x")
        #expect(ImageCatalogue.repository(of: "a\r\n/b:1") == "a\r\n/b")
        // A dot that a combining mark turns into another character does not make a registry host.
        #expect(ImageCatalogue.repository(of: "te.\u{301}am/app") == "te.\u{301}am/app")
    }
}
