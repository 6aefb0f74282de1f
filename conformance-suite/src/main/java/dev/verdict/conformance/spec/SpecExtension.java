package dev.verdict.conformance.spec;

import dev.verdict.conformance.AcceptedDifferences;

import dev.verdict.conformance.client.ClientKind;
import dev.verdict.conformance.client.Protocol;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * Expands every {@link SpecCase} into one invocation per target x client x protocol and writes
 * the suite's results file when the class is done.
 */
public final class SpecExtension implements TestTemplateInvocationContextProvider, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SpecExtension.class);
    private static final ConcurrentMap<Class<?>, SpecResults> RESULTS = new ConcurrentHashMap<>();
    private static volatile AcceptedDifferences accepted;

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.isAnnotationPresent(SpecCase.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        SpecCase spec = context.getRequiredTestMethod().getAnnotation(SpecCase.class);
        SpecEnvironment env = environment(context);
        List<TestTemplateInvocationContext> invocations = new ArrayList<>();
        for (SpecTarget target : env.targets()) {
            for (ClientKind client : spec.clients()) {
                for (Protocol protocol : spec.protocols()) {
                    invocations.add(new SpecInvocation(target, client, protocol, env.admin(),
                            results(context.getRequiredTestClass()), acceptedDifferences(), spec.value()));
                }
            }
        }
        return invocations.stream();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SpecResults r = RESULTS.remove(context.getRequiredTestClass());
        if (r != null) {
            r.write();
        }
    }

    private static SpecEnvironment environment(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(SpecEnvironment.class, k -> new SpecEnvironment(), SpecEnvironment.class);
    }

    private static SpecResults results(Class<?> testClass) {
        return RESULTS.computeIfAbsent(testClass, c -> {
            SpecSuite suite = c.getAnnotation(SpecSuite.class);
            return new SpecResults(c.getSimpleName(), suite == null ? c.getSimpleName() : suite.family());
        });
    }

    private static AcceptedDifferences acceptedDifferences() {
        if (accepted == null) {
            accepted = AcceptedDifferences.fromClasspath();
        }
        return accepted;
    }
}
