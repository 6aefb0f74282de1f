package dev.verdict.conformance.spec;

import dev.verdict.conformance.AcceptedDifferences;

import dev.verdict.conformance.client.ClientKind;
import dev.verdict.conformance.client.Protocol;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.opentest4j.TestAbortedException;

import java.util.List;
import java.util.Optional;

/**
 * One run of a spec case on one target, client and protocol: gives the case its session,
 * turns the outcome into a result (not implemented and accepted differences become aborted
 * tests, not failures) and attaches the transcript to Allure when the case fails.
 */
final class SpecInvocation implements TestTemplateInvocationContext, ParameterResolver,
        BeforeTestExecutionCallback, AfterTestExecutionCallback, TestExecutionExceptionHandler {

    private final SpecTarget target;
    private final ClientKind client;
    private final Protocol protocol;
    private final TargetAdmin admin;
    private final SpecResults results;
    private final AcceptedDifferences accepted;
    private final String command;
    private SpecSession session;
    private long startNanos;
    private boolean recorded;

    SpecInvocation(SpecTarget target, ClientKind client, Protocol protocol, TargetAdmin admin, SpecResults results,
                   AcceptedDifferences accepted, String command) {
        this.target = target;
        this.client = client;
        this.protocol = protocol;
        this.admin = admin;
        this.results = results;
        this.accepted = accepted;
        this.command = command;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
        return target.name() + " | " + client.label() + " | " + protocol;
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of(this);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == SpecSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return session;
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        session = new SpecSession(target, client, protocol, admin);
        startNanos = System.nanoTime();
        recorded = false;
        if (!target.available()) {
            record(context, SpecResults.Status.skipped, target.unavailableReason(), null);
            throw new TestAbortedException(target.name() + " is unavailable: " + target.unavailableReason());
        }
        Allure.label("feature", results.family());
        Allure.label("story", command);
        Allure.parameter("target", target.name());
        Allure.parameter("client", client.label());
        Allure.parameter("protocol", protocol.name());
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        String caseName = context.getRequiredTestMethod().getName();
        if (thrown instanceof NotImplementedException) {
            record(context, SpecResults.Status.not_implemented, thrown.getMessage(), null);
            throw new TestAbortedException("not implemented by " + target.name() + ": " + thrown.getMessage());
        }
        if (thrown instanceof TestAbortedException) {
            record(context, SpecResults.Status.skipped, thrown.getMessage(), null);
            throw thrown;
        }
        Allure.addAttachment("commands and replies", "text/plain", session.transcript(), ".txt");
        String suiteCase = context.getRequiredTestClass().getSimpleName() + "." + caseName;
        Optional<AcceptedDifferences.Entry> acceptedEntry = accepted.find("spec", target.kind(), suiteCase, caseName, command);
        if (acceptedEntry.isPresent()) {
            record(context, SpecResults.Status.failed, thrown.getMessage(), acceptedEntry.get().reason());
            throw new TestAbortedException("accepted difference (" + acceptedEntry.get().reason() + "): " + thrown.getMessage());
        }
        record(context, SpecResults.Status.failed, String.valueOf(thrown.getMessage()), null);
        throw thrown;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (!recorded) {
            if (context.getExecutionException().isPresent()) {
                record(context, SpecResults.Status.failed, String.valueOf(context.getExecutionException().get()), null);
            } else {
                record(context, SpecResults.Status.passed, null, null);
            }
        }
        if (session != null && target.available()) {
            session.close();
        }
    }

    private void record(ExtensionContext context, SpecResults.Status status, String message, String acceptedReason) {
        recorded = true;
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        results.add(command, context.getRequiredTestMethod().getName(), target, client.label(), protocol.name(),
                status, message, ms, acceptedReason);
    }
}
