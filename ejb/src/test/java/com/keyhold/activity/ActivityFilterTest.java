package com.keyhold.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The activity log's filters (CONTRACT section 6: actor, action, from, to). */
class ActivityFilterTest {

    @Test
    void noFiltersMeansEverything() {
        ActivityFilter filter = ActivityFilter.parse(null, " ", "", null);
        assertEquals(ActivityFilter.NONE, filter);
        assertNull(filter.actorPattern());
    }

    @Test
    void anActionIsMatchedExactlyWhateverItsCase() {
        ActivityFilter filter = ActivityFilter.parse(null, "key.created", null, null);
        assertEquals("KEY.CREATED", filter.action());
        assertNull(filter.actionPrefix());
    }

    @Test
    void aFamilyOfActionsEndsInDotStarOrDot() {
        assertEquals("KEY.", ActivityFilter.parse(null, "KEY.*", null, null).actionPrefix());
        assertEquals("MEMBER.", ActivityFilter.parse(null, "member.", null, null).actionPrefix());
        assertNull(ActivityFilter.parse(null, "KEY.*", null, null).action());
    }

    @Test
    void anythingElseAsActionIsABadRequest() {
        for (String bad : new String[] {"KEY.CREATED' OR 1=1", "%", "*", "KEY..CREATED", ".KEY", "KEY CREATED"}) {
            KeyholdException refused = assertThrows(KeyholdException.class, () -> ActivityFilter.parse(null, bad, null, null), bad);
            assertEquals(ErrorCode.BAD_REQUEST, refused.code());
            assertEquals("action", refused.violations().get(0).field());
        }
    }

    @Test
    void datesIncludeBothDaysWhole() {
        ActivityFilter filter = ActivityFilter.parse(null, null, "2026-11-23", "2026-11-24");
        assertEquals(Instant.parse("2026-11-23T00:00:00Z"), filter.from());
        assertEquals(Instant.parse("2026-11-25T00:00:00Z"), filter.before());
        assertEquals(filter, ActivityFilter.ofDates(null, null, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24)));
    }

    @Test
    void instantsIncludeTheirMillisecond() {
        ActivityFilter filter = ActivityFilter.parse(null, null, "2026-11-23T10:15:30.123456Z", "2026-11-23T10:15:30.5Z");
        assertEquals(Instant.parse("2026-11-23T10:15:30.123Z"), filter.from());
        assertEquals(Instant.parse("2026-11-23T10:15:30.501Z"), filter.before());
    }

    @Test
    void oneDayFromAndToIsThatDay() {
        ActivityFilter filter = ActivityFilter.parse(null, null, "2026-11-23", "2026-11-23");
        assertEquals(Instant.parse("2026-11-24T00:00:00Z"), filter.before());
    }

    @Test
    void unreadableOrReversedDatesAreBadRequestsNamingTheField() {
        KeyholdException unreadable = assertThrows(KeyholdException.class,
                () -> ActivityFilter.parse(null, null, "yesterday", "2026-13-01"));
        assertEquals(2, unreadable.violations().size());
        assertEquals("from", unreadable.violations().get(0).field());
        assertEquals("to", unreadable.violations().get(1).field());
        KeyholdException reversed = assertThrows(KeyholdException.class,
                () -> ActivityFilter.parse(null, null, "2026-11-24", "2026-11-23"));
        assertEquals("to", reversed.violations().get(0).field());
    }

    @Test
    void theActorMatchesPartOfTheEmailWithLikeWildcardsTakenLiterally() {
        assertEquals("%ann\\_b\\%@example.com%", ActivityFilter.parse(" Ann_B%@Example.com ", null, null, null).actorPattern());
        assertEquals("Ann_B%@Example.com", ActivityFilter.parse(" Ann_B%@Example.com ", null, null, null).actor(),
                "the id is compared as given");
        assertThrows(KeyholdException.class, () -> ActivityFilter.parse("x".repeat(255), null, null, null));
    }
}
