package dev.verdict.server.type.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalsTest {

    /** Expected texts are real Redis 7.0.15's replies to HINCRBYFLOAT of a new field by the increment. */
    @ParameterizedTest
    @CsvSource({
            "18446744073709551617, 18446744073709551616",
            "-18446744073709551617, -18446744073709551616",
            "36893488147419103233, 36893488147419103232",
            "36893488147419103234, 36893488147419103232",
            "36893488147419103238, 36893488147419103240",
            "36893488147419103234.5, 36893488147419103236",
            "1e308, 99999999999999999996685879655845645660560099847415567207797047994921734868838061872100126921888539320446747225054013223152134749593960583597420814430196418767959100019603190778663109604507106667939153395788938914560543563061268364901618630217086589253444881623791300855757318142424510452728255046343928578048"})
    void valuesAboveTwoToTheSixtyFourRoundToTheLongDoubleMantissaHalfEven(String increment, String expected) {
        byte[] formatted = Decimals.format(Decimals.toLongDouble(
                Decimals.parse(increment.getBytes(StandardCharsets.US_ASCII))));
        assertThat(new String(formatted, StandardCharsets.US_ASCII)).isEqualTo(expected);
    }
}
