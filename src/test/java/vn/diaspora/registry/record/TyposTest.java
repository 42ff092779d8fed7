package vn.diaspora.registry.record;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TyposTest {
    @Test
    void aSwapOfTwoLettersIsOneTypoAsIsAMissingOrWrongOne() {
        assertEquals(1, Typos.distance("huogn", "huong"));
        assertEquals(1, Typos.distance("nguyn", "nguyen"));
        assertEquals(1, Typos.distance("trna", "tran"));
        assertEquals(1, Typos.distance("hung", "hong"));
        assertEquals(0, Typos.distance("lan", "lan"));
        assertEquals(3, Typos.distance("hoa", "huong"));
    }

    @Test
    void shortWordsTakeNoCorrectionAndLongOnesTwo() {
        assertEquals(0, Typos.allowed("le"));
        assertEquals(1, Typos.allowed("lan"));
        assertEquals(1, Typos.allowed("nguyen"));
        assertEquals(2, Typos.allowed("fukuyama"));
    }

    @Test
    void everySpellingOneEditAwayIsListedSwapsFirst() {
        var spellings = Typos.oneEditAway("tarn");
        assertEquals("atrn", spellings.iterator().next());
        org.junit.jupiter.api.Assertions.assertTrue(spellings.containsAll(java.util.List.of("tran", "tan", "tarm", "trarn")));
        org.junit.jupiter.api.Assertions.assertFalse(spellings.contains("tarn"));
        spellings.forEach(w -> assertEquals(1, Typos.distance("tarn", w), w));
        org.junit.jupiter.api.Assertions.assertTrue(Typos.oneEditAway("le").isEmpty());
    }
}
