package dev.thrum.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.interceptor.RequestValidatingInterceptor;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * A real FHIR R4 server for the tests: HAPI FHIR's RestfulServer on Jetty, on an ephemeral port,
 * validating every request body against the R4 base specification (an error fails the request with
 * 422), with the {@link InMemoryFhirStore} behind it. Faults on demand: answer 503 for a while, lose
 * the answer after committing, or stop dead after some transactions; {@link #restart()} brings it back
 * on the same port with the same data.
 */
public final class FhirTestServer implements AutoCloseable {
    private static final FhirContext CTX = FhirJson.context();
    /** Built once per test JVM: the validator loads the whole R4 specification on first use. */
    private static FhirInstanceValidator validatorInstance;

    private static synchronized FhirInstanceValidator validatorModule() {
        if (validatorInstance == null) validatorInstance = validator();
        return validatorInstance;
    }

    public final InMemoryFhirStore store = new InMemoryFhirStore(CTX);
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger committed = new AtomicInteger();
    private volatile IntPredicate unavailable = n -> false;
    private volatile IntPredicate loseAnswer = n -> false;
    private volatile int stopAfterTransactions = -1;
    private volatile String requiredAuth;
    private Server jetty;
    private int port;

    private final boolean validating;

    public FhirTestServer() throws Exception {
        this(true);
    }

    /** @param validating false only for measuring Thrum's own side (see FhirSyncBenchmark) */
    FhirTestServer(boolean validating) throws Exception {
        this.validating = validating;
        start(0);
    }

    public URI base() { return URI.create("http://127.0.0.1:" + port + "/fhir"); }

    int requests() { return requests.get(); }

    /** Requests numbered {@code n} (from 1) for which the predicate holds are answered 503. */
    FhirTestServer unavailableWhen(IntPredicate which) { this.unavailable = which; return this; }

    /** Transactions numbered n (from 1) are committed, then answered 503 as if the answer was lost. */
    FhirTestServer loseAnswerWhen(IntPredicate which) { this.loseAnswer = which; return this; }

    /** After this many committed transactions the server shuts down, as if killed. */
    FhirTestServer stopAfter(int transactions) { this.stopAfterTransactions = transactions; return this; }

    FhirTestServer requireAuthorization(String header) { this.requiredAuth = header; return this; }

    boolean running() { return jetty != null && jetty.isRunning(); }

    void restart() throws Exception {
        stop();
        stopAfterTransactions = -1;
        start(port);
    }

    void stop() throws Exception {
        if (jetty != null) jetty.stop();
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private void start(int onPort) throws Exception {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(onPort);
        jetty.addConnector(connector);
        ServletContextHandler ctx = new ServletContextHandler();
        ctx.setContextPath("/");
        ctx.addServlet(new ServletHolder(new Servlet()), "/fhir/*");
        jetty.setHandler(ctx);
        jetty.start();
        port = connector.getLocalPort();
    }

    private final class Servlet extends RestfulServer {
        Servlet() {
            super(CTX);
        }

        @Override
        protected void initialize() {
            registerProvider(new TransactionProvider());
            if (!validating) return;
            RequestValidatingInterceptor v = new RequestValidatingInterceptor();
            v.addValidatorModule(validatorModule());
            v.setFailOnSeverity(ResultSeverityEnum.ERROR);
            v.setAddResponseHeaderOnSeverity(null);
            registerInterceptor(v);
        }

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse res) throws ServletException, IOException {
            int n = requests.incrementAndGet();
            if (unavailable.test(n)) {
                res.setStatus(503);
                res.setHeader("Retry-After", "0");
                res.setContentType("text/plain");
                res.getWriter().write("down for maintenance");
                return;
            }
            if (requiredAuth != null && !requiredAuth.equals(req.getHeader("Authorization"))) {
                res.setStatus(401);
                return;
            }
            super.service(req, res);
        }
    }

    public final class TransactionProvider {
        @Transaction
        public Bundle transaction(@TransactionParam Bundle bundle) {
            Bundle out = store.transaction(bundle);
            int n = committed.incrementAndGet();
            if (n == stopAfterTransactions) {
                Thread killer = new Thread(() -> {
                    try {
                        jetty.stop();
                    } catch (Exception ignored) {
                        // the test sees the server gone either way
                    }
                }, "fhir-test-server-kill");
                killer.start();
            }
            if (loseAnswer.test(n)) throw new UnclassifiedServerFailureException(503, "committed, but the answer is lost");
            return out;
        }
    }

    private static FhirInstanceValidator validator() {
        ValidationSupportChain chain = new ValidationSupportChain(
                CTX.getValidationSupport(),
                new SnapshotGeneratingValidationSupport(CTX),
                new InMemoryTerminologyServerValidationSupport(CTX),
                new CommonCodeSystemsTerminologyService(CTX));
        FhirInstanceValidator v = new FhirInstanceValidator(chain);
        v.setAnyExtensionsAllowed(false);
        // The first validation loads the R4 specification (tens of seconds on a busy machine): pay it
        // here, once, rather than inside a test's first request, where it would look like a dead server.
        CTX.newValidator().registerValidatorModule(v).validateWithResult(
                new org.hl7.fhir.r4.model.Bundle().setType(org.hl7.fhir.r4.model.Bundle.BundleType.TRANSACTION)
                        .addEntry(new org.hl7.fhir.r4.model.Bundle.BundleEntryComponent()
                                .setFullUrl("urn:uuid:6c1e3e4a-8d9b-4c1e-9f3e-1a2b3c4d5e6f")
                                .setResource(new org.hl7.fhir.r4.model.Patient().setActive(true))));
        return v;
    }
}
