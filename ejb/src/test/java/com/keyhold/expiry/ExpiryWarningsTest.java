package com.keyhold.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpiryWarningsTest {

    private static final LocalDate END = LocalDate.of(2027, 3, 31);

    @Test
    void nothingIsDueMoreThanThirtyDaysAhead_E1() {
        assertEquals(List.of(), ExpiryWarnings.reached(END, END.minusDays(31)));
    }

    @Test
    void theThresholdsAreReachedThirtySevenAndOneDayBefore_E1() {
        assertEquals(List.of(30), ExpiryWarnings.reached(END, END.minusDays(30)));
        assertEquals(List.of(30, 7), ExpiryWarnings.reached(END, END.minusDays(7)));
        assertEquals(List.of(30, 7, 1), ExpiryWarnings.reached(END, END.minusDays(1)));
        assertEquals(List.of(30, 7, 1), ExpiryWarnings.reached(END, END), "the last day");
        assertEquals(List.of(), ExpiryWarnings.reached(END, END.plusDays(1)), "expired: no more warnings");
    }

    @Test
    void aLateSweepSendsOnlyTheMostUrgentWarning_E1() {
        assertEquals(Optional.of(7), ExpiryWarnings.toSend(ExpiryWarnings.reached(END, END.minusDays(5))));
        assertEquals(Optional.of(1), ExpiryWarnings.toSend(ExpiryWarnings.reached(END, END.minusDays(1))));
        assertEquals(Optional.empty(), ExpiryWarnings.toSend(List.of()));
    }

    @Test
    void daysLeftCountTheEndDateAsTheLastDay() {
        assertEquals(1, ExpiryWarnings.daysLeft(END, END));
        assertEquals(31, ExpiryWarnings.daysLeft(END, END.minusDays(30)));
    }
}
