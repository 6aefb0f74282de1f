package dev.verdict.conformance.spec;

import dev.verdict.conformance.client.ClientKind;
import dev.verdict.conformance.client.Protocol;
import org.junit.jupiter.api.TestTemplate;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One spec case, run once per target x client x protocol. The method takes a {@link SpecSession}.
 * Restricting clients or protocols is for cases a library cannot express (reading unsolicited
 * pub/sub messages, protocol switching), never to hide a failure.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
public @interface SpecCase {

    /** The command under test, upper case; a subcommand is written {@code CONFIG GET}. */
    String value();

    ClientKind[] clients() default {ClientKind.RAW, ClientKind.JEDIS, ClientKind.LETTUCE};

    Protocol[] protocols() default {Protocol.RESP2, Protocol.RESP3};
}
