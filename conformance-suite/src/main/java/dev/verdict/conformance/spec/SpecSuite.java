package dev.verdict.conformance.spec;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a class of spec cases for one command family; its results go to {@code spec/<Class>-*.json}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SpecExtension.class)
public @interface SpecSuite {

    /** The family as reports name it: {@code strings}, {@code lists}, {@code sorted-sets} ... */
    String family();
}
