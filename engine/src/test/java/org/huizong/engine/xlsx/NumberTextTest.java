package org.huizong.engine.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How text typed into a numeric cell reads: forgiving where certain, strict where not. */
class NumberTextTest {

    @ParameterizedTest(name = "“{0}” reads as {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "300|300",
        "' 300 '|300",
        "'\u3000300\u00a0'|300",
        "1,234|1234",
        "1，234|1234",
        "1,234,567.5|1234567.5",
        "３００|300",
        "１２．５|12.5",
        "12。5|12.5",
        "0.50|0.5",
        "-5|-5",
        "－5|-5",
        "+7|7",
        ".5|0.5",
        "1.2345|1.2345",
    })
    void numbersTypedAsTextAreRead(String typed, String expected) {
        NumberText.Reading r = NumberText.parse(typed);

        assertThat(r).isInstanceOf(NumberText.Number.class);
        assertThat(((NumberText.Number) r).value()).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "“{0}” is a dash")
    @CsvSource(delimiter = '|', value = {"—", "——", "-", "–", "/", "无", "－", "' 无 '", "--"})
    void aDashOrNothingWordReadsAsZeroWithANotice(String typed) {
        assertThat(NumberText.parse(typed)).isInstanceOf(NumberText.Dash.class);
    }

    @ParameterizedTest(name = "“{0}” is not a number")
    @CsvSource(delimiter = '|', value = {"约300", "300余", "12.6万", "3人", "300多", "1,23",
        "12,3456", "1.2.3", "三百", "300-400", "5%", "1e3", "N/A", "#DIV/0!"})
    void guessesAreRefusedNotSilentlyRead(String typed) {
        NumberText.Reading r = NumberText.parse(typed);

        assertThat(r).isInstanceOf(NumberText.NotANumber.class);
        assertThat(((NumberText.NotANumber) r).typed()).isEqualTo(typed);
    }

    @ParameterizedTest(name = "“{0}” is full-width: {1}")
    @CsvSource(delimiter = '|', value = {"３００|true", "300|false", "12。5|true", "1，234|false"})
    void fullWidthDigitsAreNoted(String typed, boolean fullWidth) {
        assertThat(((NumberText.Number) NumberText.parse(typed)).fullWidth()).isEqualTo(fullWidth);
    }

    @ParameterizedTest(name = "stored {0} reads as {1}")
    @CsvSource(delimiter = '|', value = {"300|300", "300.0|300", "12.345600|12.3456",
        "0.30000000000000004|0.3", "1.0E7|10000000", "1.5E-3|0.0015", "3134000001|3134000001"})
    void storedNumbersAreExactDecimalsAsExcelShowsThem(String raw, String expected) {
        BigDecimal v = ((NumberText.Number) NumberText.stored(raw)).value();

        assertThat(v.toPlainString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {"''", "'   '", "'\u3000'"})
    void spacesAloneAreBlank(String typed) {
        assertThat(NumberText.parse(typed)).isInstanceOf(NumberText.Blank.class);
    }

    @ParameterizedTest(name = "{0} characters of digits are too long, read in linear time")
    @ValueSource(ints = {41, 200_000, 2_000_000})
    void longDigitStringsAreNoFigureAndAreNotParsed(int length) {
        String digits = "7".repeat(length);
        long start = System.nanoTime();

        NumberText.Reading typed = NumberText.parse(digits);
        NumberText.Reading stored = NumberText.stored(digits);

        assertThat(typed).isEqualTo(new NumberText.TooLong(length, "777777777777…"));
        assertThat(stored).isEqualTo(typed);
        assertThat(NumberText.storedText(digits)).isEqualTo(digits);
        assertThat(System.nanoTime() - start).as("nanoseconds").isLessThan(1_000_000_000L);
    }

    @ParameterizedTest(name = "stored {0} is out of range")
    @ValueSource(strings = {"1E+308", "1.7976931348623157E308", "1E+999999999", "-1E15",
        "1000000000000000", "999999999999999.9", "1E-41", "1E-999999999"})
    void storedNumbersBeyondTheBoundsAreOutOfRange(String raw) {
        assertThat(NumberText.stored(raw)).isEqualTo(new NumberText.OutOfRange(raw));
        assertThat(NumberText.storedText(raw)).isEqualTo(raw);
    }

    @ParameterizedTest(name = "“{0}” typed is out of range")
    @ValueSource(strings = {"1000000000000000", "1,000,000,000,000,000", "-1000000000000000.5"})
    void typedNumbersBeyondTheBoundsAreOutOfRange(String typed) {
        assertThat(NumberText.parse(typed)).isEqualTo(new NumberText.OutOfRange(typed));
    }

    @ParameterizedTest(name = "{0} is still a number")
    @ValueSource(strings = {"999999999999999", "-999999999999999", "1E-40", "0E+999999999"})
    void numbersJustWithinTheBoundsAreRead(String raw) {
        assertThat(NumberText.stored(raw)).isInstanceOf(NumberText.Number.class);
    }
}
