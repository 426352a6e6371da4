package com.keyhold.licensekey;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** SPEC L5–L8 and C8: the seat pool of one subscription, its bounds and its refusals. */
class SeatPoolTest {

    // ---- building a snapshot ----

    @Test
    void aSubscriptionWithoutAPrimaryKeyIsRefused_L4() {
        assertThrows(IllegalArgumentException.class, () -> new SeatPool(10, List.of(reserved("r", 2, 0))));
    }

    @Test
    void aSubscriptionWithTwoPrimaryKeysIsRefused_L4() {
        assertThrows(IllegalArgumentException.class,
                () -> new SeatPool(10, List.of(primary(0), new KeySeats("p2", KeyType.PRIMARY, 0, 0, false))));
    }

    @Test
    void aKeyListedTwiceIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new SeatPool(10, List.of(primary(0), dynamic("d", 2, 0), dynamic("d", 3, 0))));
    }

    @Test
    void negativeSeatsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SeatPool(-1, List.of(primary(0))));
    }

    @Test
    void aKeyCannotUseNegativeSeats() {
        assertThrows(IllegalArgumentException.class, () -> new KeySeats("d", KeyType.DYNAMIC, 2, -1, false));
        assertThrows(IllegalArgumentException.class, () -> new KeySeats("p", KeyType.PRIMARY, 0, -1, false));
    }

    @Test
    void anAdditionalKeyCannotHaveANegativeQuota() {
        assertThrows(IllegalArgumentException.class, () -> new KeySeats("r", KeyType.RESERVED, -1, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new KeySeats("d", KeyType.DYNAMIC, -1, 0, false));
    }

    @Test
    void thePrimaryKeysStoredQuotaIsIgnoredBecauseItIsDerived_L6() {
        SeatPool pool = new SeatPool(10, List.of(new KeySeats("p", KeyType.PRIMARY, 99, 0, false)));
        assertEquals(10, pool.quota("p"));
        assertEquals(10, pool.available("p"));
    }

    @Test
    void theSnapshotDoesNotFollowLaterChangesToTheGivenList() {
        List<KeySeats> keys = new ArrayList<>(List.of(primary(0)));
        SeatPool pool = new SeatPool(10, keys);
        keys.add(reserved("r", 5, 0));
        assertEquals(10, pool.poolSize());
        assertEquals(1, pool.keys().size());
    }

    @Test
    void anUnknownKeyIsAProgrammingError() {
        SeatPool pool = pool(10, primary(0));
        assertThrows(IllegalArgumentException.class, () -> pool.quota("nope"));
        assertThrows(IllegalArgumentException.class, () -> pool.available("nope"));
        assertThrows(IllegalArgumentException.class, () -> pool.requireSeatFor("nope"));
        assertThrows(IllegalArgumentException.class, () -> pool.requireQuotaChange("nope", 1));
        assertThrows(IllegalArgumentException.class, () -> pool.wouldDeactivate("nope", 1));
        assertThrows(IllegalArgumentException.class, () -> pool.withUsed("nope", 1));
    }

    // ---- L5: the pool and its numbers ----

    @Test
    void thePoolIsTheSeatsLessTheReservedQuotas_L5() {
        SeatPool pool = pool(10, primary(0), reserved("r1", 3, 0), reserved("r2", 2, 1));
        assertEquals(10, pool.seats());
        assertEquals(5, pool.poolSize());
    }

    @Test
    void dynamicQuotasDoNotShrinkThePool_L5() {
        SeatPool pool = pool(10, primary(0), dynamic("d1", 8, 0), dynamic("d2", 10, 0));
        assertEquals(10, pool.poolSize());
    }

    @Test
    void thePrimaryKeysQuotaIsThePool_L6() {
        SeatPool pool = pool(10, primary(4), reserved("r", 3, 0), dynamic("d", 2, 0));
        assertEquals(7, pool.quota("p"));
    }

    @Test
    void additionalKeysHaveTheirOwnQuota_L4() {
        SeatPool pool = pool(10, primary(0), reserved("r", 3, 0), dynamic("d", 12, 0));
        assertEquals(3, pool.quota("r"));
        assertEquals(12, pool.quota("d"));
    }

    @Test
    void thePoolIsUsedByThePrimaryAndDynamicKeysButNotByReservedKeys_L5() {
        SeatPool pool = pool(20, primary(4), dynamic("d1", 5, 2), dynamic("d2", 5, 3), reserved("r", 6, 6));
        assertEquals(14, pool.poolSize());
        assertEquals(9, pool.poolUsed());
        assertEquals(5, pool.freePoolSeats());
    }

    @Test
    void thePrimaryKeyCanActivateUpToTheLastFreePoolSeat_L5() {
        SeatPool pool = pool(10, primary(4), reserved("r", 5, 0));
        assertEquals(1, pool.available("p"));
        assertDoesNotThrow(() -> pool.requireSeatFor("p"));
    }

    @Test
    void thePrimaryKeyCannotActivateBeyondThePool_L5() {
        SeatPool pool = pool(10, primary(5), reserved("r", 5, 0));
        assertEquals(0, pool.available("p"));
        assertCode(ErrorCode.NO_SEATS_AVAILABLE, () -> pool.requireSeatFor("p"));
    }

    @Test
    void thePrimaryKeySharesThePoolWithDynamicKeys_L5() {
        SeatPool pool = pool(5, primary(2), dynamic("d", 5, 3));
        assertEquals(0, pool.available("p"));
        assertCode(ErrorCode.NO_SEATS_AVAILABLE, () -> pool.requireSeatFor("p"));
    }

    @Test
    void aDynamicKeyCanActivateUpToItsQuota_L5() {
        SeatPool pool = pool(10, primary(0), dynamic("d", 3, 2));
        assertEquals(1, pool.available("d"));
        assertDoesNotThrow(() -> pool.requireSeatFor("d"));
    }

    @Test
    void aDynamicKeyCannotActivateBeyondItsQuotaEvenWithFreePoolSeats_L5() {
        SeatPool pool = pool(10, primary(0), dynamic("d", 3, 3));
        assertEquals(7, pool.freePoolSeats());
        assertEquals(0, pool.available("d"));
        assertCode(ErrorCode.NO_SEATS_AVAILABLE, () -> pool.requireSeatFor("d"));
    }

    @Test
    void aDynamicKeyCanActivateUpToTheLastFreePoolSeat_L5() {
        SeatPool pool = pool(5, primary(3), dynamic("d", 5, 1));
        assertEquals(1, pool.available("d"));
        assertDoesNotThrow(() -> pool.requireSeatFor("d"));
    }

    @Test
    void aDynamicKeyCannotActivateBeyondThePoolEvenWithinItsQuota_L5() {
        SeatPool pool = pool(5, primary(4), dynamic("d", 5, 1));
        assertEquals(0, pool.available("d"));
        assertCode(ErrorCode.NO_SEATS_AVAILABLE, () -> pool.requireSeatFor("d"));
    }

    @Test
    void dynamicKeysShareThePoolWithEachOther_L5() {
        SeatPool pool = pool(6, primary(0), dynamic("d1", 6, 4), dynamic("d2", 6, 2));
        assertEquals(0, pool.available("d1"));
        assertEquals(0, pool.available("d2"));
    }

    @Test
    void aDynamicKeysAvailabilityIsTheLesserOfItsQuotaAndThePool_L5() {
        assertEquals(2, pool(10, primary(0), dynamic("d", 3, 1)).available("d"));
        assertEquals(3, pool(10, primary(7), dynamic("d", 6, 0)).available("d"));
    }

    @Test
    void aReservedKeyCanActivateUpToItsQuota_L5() {
        SeatPool pool = pool(10, primary(0), reserved("r", 3, 2));
        assertEquals(1, pool.available("r"));
        assertDoesNotThrow(() -> pool.requireSeatFor("r"));
    }

    @Test
    void aReservedKeyCannotActivateBeyondItsQuotaEvenWithFreePoolSeats_L5() {
        SeatPool pool = pool(10, primary(0), reserved("r", 3, 3));
        assertEquals(7, pool.freePoolSeats());
        assertEquals(0, pool.available("r"));
        assertCode(ErrorCode.NO_SEATS_AVAILABLE, () -> pool.requireSeatFor("r"));
    }

    @Test
    void aReservedKeyKeepsItsSeatsWhenThePoolIsFull_L5() {
        SeatPool pool = pool(10, primary(6), dynamic("d", 6, 1), reserved("r", 3, 0));
        assertEquals(0, pool.freePoolSeats());
        assertEquals(3, pool.available("r"));
    }

    @Test
    void nobodyElseMayUseAReservedKeysUnusedSeats_L5() {
        SeatPool pool = pool(5, primary(0), dynamic("d", 5, 0), reserved("r", 5, 0));
        assertEquals(0, pool.available("p"));
        assertEquals(0, pool.available("d"));
        assertEquals(5, pool.available("r"));
    }

    @Test
    void aDynamicQuotaThatOutlivedAShrinkingPoolIsBoundByThePool_L6() {
        SeatPool pool = pool(10, primary(0), dynamic("d", 10, 0), reserved("r", 6, 0));
        assertEquals(10, pool.quota("d"));
        assertEquals(4, pool.available("d"));
    }

    @Test
    void anOverCommittedSnapshotReportsZeroNotNegativeNumbers_L5() {
        SeatPool pool = pool(3, primary(4), dynamic("d", 2, 2), reserved("r", 5, 1));
        assertEquals(0, pool.poolSize());
        assertEquals(6, pool.poolUsed());
        assertEquals(0, pool.freePoolSeats());
        assertEquals(0, pool.quota("p"));
        assertEquals(0, pool.available("p"));
        assertEquals(0, pool.available("d"));
        assertEquals(4, pool.available("r"));
    }

    @Test
    void aKeyUsingMoreThanItsQuotaHasZeroAvailable_L7() {
        SeatPool pool = pool(10, primary(0), reserved("r", 2, 4), dynamic("d", 1, 3));
        assertEquals(0, pool.available("r"));
        assertEquals(0, pool.available("d"));
    }

    @Test
    void noFreeSeatsIsExplainedToTheAdministrator_L5() {
        SeatPool pool = pool(1, primary(1));
        KeyholdException refused = assertThrows(KeyholdException.class, () -> pool.requireSeatFor("p"));
        assertEquals("License key has no free seats.", refused.getMessage());
    }

    // ---- L6: creating keys, changing quotas, changing seats ----

    @Test
    void aReservedKeyMayTakeEveryFreePoolSeat_L6() {
        SeatPool pool = pool(10, primary(4), dynamic("d", 5, 3));
        assertEquals(3, pool.freePoolSeats());
        assertDoesNotThrow(() -> pool.requireNewReservedKey(3));
    }

    @Test
    void reservedKeyCannotExceedFreePoolSeats_L6() {
        SeatPool pool = pool(10, primary(4), dynamic("d", 5, 3));
        KeyholdException refused = assertCode(ErrorCode.INSUFFICIENT_SEATS, () -> pool.requireNewReservedKey(4));
        assertEquals("Only 3 unused seats are in the pool; 4 were asked for.", refused.getMessage());
    }

    @Test
    void aNewReservedKeyCannotTakeAnotherReservedKeysSeats_L6() {
        SeatPool pool = pool(10, primary(0), reserved("r", 8, 0));
        assertDoesNotThrow(() -> pool.requireNewReservedKey(2));
        assertCode(ErrorCode.INSUFFICIENT_SEATS, () -> pool.requireNewReservedKey(3));
    }

    @Test
    void aReservedKeyCannotBeCreatedWhenThePoolIsFull_L6() {
        SeatPool pool = pool(5, primary(5));
        KeyholdException refused = assertCode(ErrorCode.INSUFFICIENT_SEATS, () -> pool.requireNewReservedKey(1));
        assertEquals("Only 0 unused seats are in the pool; 1 was asked for.", refused.getMessage());
    }

    @Test
    void aNewReservedKeyNeedsAQuotaOfAtLeastOne_L6() {
        SeatPool pool = pool(10, primary(0));
        assertQuotaRefused(() -> pool.requireNewReservedKey(0));
        assertQuotaRefused(() -> pool.requireNewReservedKey(-1));
        assertDoesNotThrow(() -> pool.requireNewReservedKey(1));
    }

    @Test
    void aDynamicKeysQuotaMayBeTheWholePoolEvenWhenThePoolIsInUse_L6() {
        SeatPool pool = pool(10, primary(5), reserved("r", 3, 0));
        assertEquals(7, pool.poolSize());
        assertDoesNotThrow(() -> pool.requireNewDynamicKey(7));
    }

    @Test
    void aDynamicKeysQuotaCannotExceedThePool_L6() {
        SeatPool pool = pool(10, primary(0), reserved("r", 3, 0));
        assertCode(ErrorCode.INSUFFICIENT_SEATS, () -> pool.requireNewDynamicKey(8));
    }

    @Test
    void aNewDynamicKeyNeedsAQuotaOfAtLeastOne_L6() {
        SeatPool pool = pool(10, primary(0));
        assertQuotaRefused(() -> pool.requireNewDynamicKey(0));
        assertQuotaRefused(() -> pool.requireNewDynamicKey(-5));
        assertDoesNotThrow(() -> pool.requireNewDynamicKey(1));
    }

    @Test
    void thePrimaryKeysQuotaCannotBeSet_L6() {
        SeatPool pool = pool(10, primary(0));
        assertQuotaRefused(() -> pool.requireQuotaChange("p", 5));
    }

    @Test
    void aQuotaCannotBeNegative_L6() {
        SeatPool pool = pool(10, primary(0), reserved("r", 2, 0), dynamic("d", 2, 0));
        assertQuotaRefused(() -> pool.requireQuotaChange("r", -1));
        assertQuotaRefused(() -> pool.requireQuotaChange("d", -1));
    }

    @Test
    void enlargingAReservedKeyMayTakeEveryFreePoolSeat_L6() {
        SeatPool pool = pool(10, primary(3), reserved("r", 4, 4));
        assertEquals(3, pool.freePoolSeats());
        assertDoesNotThrow(() -> pool.requireQuotaChange("r", 7));
    }

    @Test
    void enlargingAReservedKeyBeyondTheFreePoolSeatsIsRefused_L6() {
        SeatPool pool = pool(10, primary(3), reserved("r", 4, 4));
        KeyholdException refused = assertCode(ErrorCode.INSUFFICIENT_SEATS, () -> pool.requireQuotaChange("r", 8));
        assertEquals("Only 3 unused seats are in the pool; 4 were asked for.", refused.getMessage());
    }

    @Test
    void shrinkingAReservedKeyIsAlwaysAllowed_L6() {
        SeatPool overCommitted = pool(5, primary(5), reserved("r", 4, 1));
        assertDoesNotThrow(() -> overCommitted.requireQuotaChange("r", 2));
        assertDoesNotThrow(() -> overCommitted.requireQuotaChange("r", 0));
        assertDoesNotThrow(() -> overCommitted.requireQuotaChange("r", 4));
    }

    @Test
    void shrinkingBelowTheSeatsInUseIsLeftToTheConfirmation_L7() {
        SeatPool pool = pool(10, primary(0), reserved("r", 5, 5), dynamic("d", 5, 5));
        assertDoesNotThrow(() -> pool.requireQuotaChange("r", 1));
        assertDoesNotThrow(() -> pool.requireQuotaChange("d", 1));
    }

    @Test
    void aDynamicKeysQuotaMayBeRaisedUpToThePool_L6() {
        SeatPool pool = pool(10, primary(8), dynamic("d", 2, 2), reserved("r", 3, 0));
        assertDoesNotThrow(() -> pool.requireQuotaChange("d", 7));
    }

    @Test
    void aDynamicKeysQuotaCannotBeRaisedBeyondThePool_L6() {
        SeatPool pool = pool(10, primary(0), dynamic("d", 2, 0), reserved("r", 3, 0));
        assertCode(ErrorCode.INSUFFICIENT_SEATS, () -> pool.requireQuotaChange("d", 8));
    }

    @Test
    void aDynamicQuotaThatOutlivedAShrinkingPoolMayStillBeLowered_L6() {
        SeatPool pool = pool(10, primary(0), dynamic("d", 10, 0), reserved("r", 6, 0));
        assertDoesNotThrow(() -> pool.requireQuotaChange("d", 8));
        assertDoesNotThrow(() -> pool.requireQuotaChange("d", 10));
        assertCode(ErrorCode.INSUFFICIENT_SEATS, () -> pool.requireQuotaChange("d", 11));
    }

    @Test
    void theSeatsMayBeSetToExactlyWhatReservedKeysAndThePoolHold_L6() {
        SeatPool pool = pool(20, primary(2), dynamic("d", 9, 2), reserved("r1", 2, 0), reserved("r2", 1, 1));
        assertDoesNotThrow(() -> pool.requireSeatTotal(7));
    }

    @Test
    void theSeatsCannotBeSetBelowWhatReservedKeysAndThePoolHold_L6() {
        SeatPool pool = pool(20, primary(2), dynamic("d", 9, 2), reserved("r1", 2, 0), reserved("r2", 1, 1));
        KeyholdException refused = assertCode(ErrorCode.INSUFFICIENT_SEATS, () -> pool.requireSeatTotal(6));
        assertTrue(refused.getMessage().contains("at least 7"), refused.getMessage());
    }

    @Test
    void unusedDynamicQuotasDoNotHoldSeatsWhenTheSeatsAreLowered_L6() {
        SeatPool pool = pool(20, primary(1), dynamic("d", 15, 0));
        assertDoesNotThrow(() -> pool.requireSeatTotal(1));
    }

    @Test
    void aSubscriptionNeedsAtLeastOneSeat_L6() {
        SeatPool pool = pool(20, primary(0));
        KeyholdException refused = assertCode(ErrorCode.BAD_REQUEST, () -> pool.requireSeatTotal(0));
        assertEquals("seats", refused.violations().get(0).field());
        assertCode(ErrorCode.BAD_REQUEST, () -> pool.requireSeatTotal(-3));
        assertDoesNotThrow(() -> pool.requireSeatTotal(1));
    }

    // ---- L7: lowering a quota below the seats in use ----

    @Test
    void loweringAQuotaBelowTheSeatsInUseDeactivatesTheExcess_L7() {
        SeatPool pool = pool(20, primary(0), reserved("r", 6, 5), dynamic("d", 6, 4));
        assertEquals(2, pool.wouldDeactivate("r", 3));
        assertEquals(4, pool.wouldDeactivate("d", 0));
    }

    @Test
    void loweringAQuotaToTheSeatsInUseDeactivatesNothing_L7() {
        SeatPool pool = pool(20, primary(0), reserved("r", 6, 5), dynamic("d", 6, 4));
        assertEquals(0, pool.wouldDeactivate("r", 5));
        assertEquals(0, pool.wouldDeactivate("d", 4));
        assertEquals(0, pool.wouldDeactivate("d", 9));
    }

    @Test
    void thePrimaryKeysQuotaCannotBeLowered_L7() {
        SeatPool pool = pool(20, primary(5));
        assertQuotaRefused(() -> pool.wouldDeactivate("p", 1));
    }

    @Test
    void aNegativeQuotaDeactivatesNothingBecauseItIsRefused_L7() {
        SeatPool pool = pool(20, primary(0), reserved("r", 6, 5));
        assertQuotaRefused(() -> pool.wouldDeactivate("r", -1));
    }

    // ---- L8: expired additional keys ----

    @Test
    void expiredReservedKeyReturnsItsSeatsToThePool_L8() {
        SeatPool pool = pool(10, primary(3), expired(reserved("r", 4, 2)));
        assertEquals(10, pool.poolSize());
        assertEquals(7, pool.freePoolSeats());
        assertEquals(7, pool.available("p"));
    }

    @Test
    void anExpiredDynamicKeyNoLongerUsesPoolSeats_L8() {
        SeatPool pool = pool(10, primary(3), expired(dynamic("d", 6, 5)));
        assertEquals(3, pool.poolUsed());
        assertEquals(7, pool.available("p"));
    }

    @Test
    void anExpiredKeyHasNoSeatsToActivate_L8() {
        SeatPool pool = pool(10, primary(0), expired(reserved("r", 4, 0)), expired(dynamic("d", 4, 0)));
        assertEquals(0, pool.available("r"));
        assertEquals(0, pool.available("d"));
        KeyholdException refused = assertCode(ErrorCode.NO_SEATS_AVAILABLE, () -> pool.requireSeatFor("r"));
        assertEquals("License key has expired; it holds no seats.", refused.getMessage());
        assertCode(ErrorCode.NO_SEATS_AVAILABLE, () -> pool.requireSeatFor("d"));
    }

    @Test
    void anExpiredKeyKeepsItsOwnQuota_L8() {
        SeatPool pool = pool(10, primary(0), expired(reserved("r", 4, 0)));
        assertEquals(4, pool.quota("r"));
    }

    @Test
    void seatsReturnedByAnExpiredReservedKeyCanBeReservedAgain_L8() {
        SeatPool pool = pool(10, primary(2), expired(reserved("r", 8, 0)));
        assertDoesNotThrow(() -> pool.requireNewReservedKey(8));
    }

    @Test
    void expiredKeysDoNotHoldSeatsWhenTheSeatsAreLowered_L8() {
        SeatPool pool = pool(10, primary(2), expired(reserved("r", 5, 5)), expired(dynamic("d", 3, 3)));
        assertDoesNotThrow(() -> pool.requireSeatTotal(2));
        assertCode(ErrorCode.INSUFFICIENT_SEATS, () -> pool.requireSeatTotal(1));
    }

    @Test
    void anExpiredPrimaryKeyMeansTheSubscriptionEndedAndNothingActivates_L8() {
        SeatPool pool = pool(10, new KeySeats("p", KeyType.PRIMARY, 0, 2, true));
        assertEquals(0, pool.available("p"));
        assertCode(ErrorCode.NO_SEATS_AVAILABLE, () -> pool.requireSeatFor("p"));
    }

    // ---- C8: moving computers between keys, counted net ----

    @Test
    void moving3FromPrimaryToAFullReservedKeyFails_C8() {
        SeatPool pool = pool(10, primary(3), reserved("r", 3, 3));
        assertCode(ErrorCode.INSUFFICIENT_SEATS, () -> pool.requireMove(Map.of("p", 3), 0, "r"));
    }

    @Test
    void movingIntoAReservedKeyWithExactlyEnoughRoomSucceeds_C8() {
        SeatPool pool = pool(10, primary(3), reserved("r", 5, 2));
        assertDoesNotThrow(() -> pool.requireMove(Map.of("p", 3), 0, "r"));
    }

    @Test
    void movingOneMoreThanAReservedKeyHasRoomForFails_C8() {
        SeatPool pool = pool(10, primary(4), reserved("r", 5, 2));
        KeyholdException refused = assertCode(ErrorCode.INSUFFICIENT_SEATS,
                () -> pool.requireMove(Map.of("p", 4), 0, "r"));
        assertEquals("The target license key has 3 seats free once the moving computers release theirs; "
                + "4 computers are moving. Nothing was moved.", refused.getMessage());
    }

    @Test
    void movingFromAReservedKeyToADynamicKeyWhenThePoolIsFullFails_C8() {
        SeatPool pool = pool(10, primary(7), dynamic("d", 5, 0), reserved("r", 3, 2));
        assertEquals(0, pool.freePoolSeats());
        assertCode(ErrorCode.INSUFFICIENT_SEATS, () -> pool.requireMove(Map.of("r", 2), 0, "d"));
    }

    @Test
    void movingFromPrimaryToADynamicKeyWhenThePoolIsFullSucceedsBecauseTheMoversReleasePoolSeats_C8() {
        SeatPool pool = pool(5, primary(5), dynamic("d", 3, 0));
        assertEquals(0, pool.freePoolSeats());
        assertDoesNotThrow(() -> pool.requireMove(Map.of("p", 3), 0, "d"));
    }

    @Test
    void movingIntoADynamicKeyIsStillBoundByItsQuota_C8() {
        SeatPool pool = pool(5, primary(5), dynamic("d", 2, 0));
        assertCode(ErrorCode.INSUFFICIENT_SEATS, () -> pool.requireMove(Map.of("p", 3), 0, "d"));
    }

    @Test
    void movingFromADynamicKeyToThePrimaryWhenThePoolIsFullSucceeds_C8() {
        SeatPool pool = pool(6, primary(2), dynamic("d", 4, 4));
        assertDoesNotThrow(() -> pool.requireMove(Map.of("d", 4), 0, "p"));
    }

    @Test
    void movingFromAReservedKeyToThePrimaryWhenThePoolIsFullFails_C8() {
        SeatPool pool = pool(6, primary(3), reserved("r", 3, 2));
        assertCode(ErrorCode.INSUFFICIENT_SEATS, () -> pool.requireMove(Map.of("r", 1), 0, "p"));
    }

    @Test
    void movingBetweenReservedKeysFreesNothingForTheTarget_C8() {
        SeatPool pool = pool(10, primary(0), reserved("r1", 3, 3), reserved("r2", 3, 2));
        assertDoesNotThrow(() -> pool.requireMove(Map.of("r1", 1), 0, "r2"));
        assertCode(ErrorCode.INSUFFICIENT_SEATS, () -> pool.requireMove(Map.of("r1", 2), 0, "r2"));
    }

    @Test
    void deactivatedMoversReleaseNothingAndNeedASeatEach_C8() {
        SeatPool full = pool(5, primary(5), dynamic("d", 5, 0));
        assertCode(ErrorCode.INSUFFICIENT_SEATS, () -> full.requireMove(Map.of("p", 2), 1, "d"));
        SeatPool oneFree = pool(5, primary(4), dynamic("d", 5, 0));
        assertDoesNotThrow(() -> oneFree.requireMove(Map.of("p", 2), 1, "d"));
    }

    @Test
    void onlyDeactivatedComputersMayMoveWhenTheTargetHasRoom_C8() {
        SeatPool pool = pool(10, primary(0), reserved("r", 3, 1));
        assertDoesNotThrow(() -> pool.requireMove(Map.of(), 2, "r"));
        assertCode(ErrorCode.INSUFFICIENT_SEATS, () -> pool.requireMove(Map.of(), 3, "r"));
    }

    @Test
    void moversFromSeveralKeysAreCountedTogether_C8() {
        SeatPool pool = pool(10, primary(4), dynamic("d1", 3, 3), dynamic("d2", 6, 1), reserved("r", 2, 2));
        // Pool 8, all used. The movers from p and d1 release 3 pool seats; the one from r releases none.
        assertDoesNotThrow(() -> pool.requireMove(Map.of("p", 2, "d1", 1), 0, "d2"));
        assertCode(ErrorCode.INSUFFICIENT_SEATS, () -> pool.requireMove(Map.of("p", 2, "d1", 1, "r", 1), 0, "d2"));
    }

    @Test
    void movingToAnExpiredKeyFails_C8() {
        SeatPool pool = pool(10, primary(2), expired(reserved("r", 5, 0)));
        KeyholdException refused = assertCode(ErrorCode.INSUFFICIENT_SEATS,
                () -> pool.requireMove(Map.of("p", 1), 0, "r"));
        assertTrue(refused.getMessage().contains("expired"), refused.getMessage());
    }

    @Test
    void movingOffAnExpiredKeyReleasesNoPoolSeats_C8() {
        SeatPool pool = pool(5, primary(5), expired(dynamic("d", 3, 3)), dynamic("d2", 5, 0));
        assertCode(ErrorCode.INSUFFICIENT_SEATS, () -> pool.requireMove(Map.of("d", 1), 0, "d2"));
    }

    @Test
    void movingNothingIsAlwaysAllowed_C8() {
        SeatPool pool = pool(5, primary(5), reserved("r", 0, 0));
        assertDoesNotThrow(() -> pool.requireMove(Map.of(), 0, "r"));
        assertDoesNotThrow(() -> pool.requireMove(Map.of("p", 0), 0, "r"));
    }

    @Test
    void aMoveCheckChangesNothing_C8() {
        SeatPool pool = pool(5, primary(5), dynamic("d", 3, 0));
        pool.requireMove(Map.of("p", 3), 0, "d");
        assertEquals(5, pool.poolUsed());
        assertEquals(0, pool.available("d"));
    }

    @Test
    void aMoveMisCountedByTheCallerIsAProgrammingError_C8() {
        SeatPool pool = pool(10, primary(2), dynamic("d", 5, 1));
        assertThrows(IllegalArgumentException.class, () -> pool.requireMove(Map.of("p", 3), 0, "d"));
        assertThrows(IllegalArgumentException.class, () -> pool.requireMove(Map.of("p", -1), 0, "d"));
        assertThrows(IllegalArgumentException.class, () -> pool.requireMove(Map.of("p", 1), -1, "d"));
        assertThrows(IllegalArgumentException.class, () -> pool.requireMove(Map.of("d", 1), 0, "d"));
        assertThrows(IllegalArgumentException.class, () -> pool.requireMove(Map.of("x", 1), 0, "d"));
        assertThrows(IllegalArgumentException.class, () -> pool.requireMove(Map.of("p", 1), 0, "x"));
    }

    // ---- snapshots ----

    @Test
    void withUsedReturnsANewSnapshotAndLeavesThisOneAlone() {
        SeatPool before = pool(10, primary(2), reserved("r", 3, 1));
        SeatPool after = before.withUsed("p", 3).withUsed("r", -1);
        assertEquals(2, before.poolUsed());
        assertEquals(1, before.keys().get(1).used());
        assertEquals(5, after.poolUsed());
        assertEquals(0, after.keys().get(1).used());
        assertEquals(10, after.seats());
    }

    @Test
    void withUsedCannotGoBelowZero() {
        SeatPool pool = pool(10, primary(2));
        assertThrows(IllegalArgumentException.class, () -> pool.withUsed("p", -3));
    }

    // ---- helpers ----

    private static SeatPool pool(int seats, KeySeats... keys) {
        return new SeatPool(seats, List.of(keys));
    }

    private static KeySeats primary(int used) {
        return new KeySeats("p", KeyType.PRIMARY, 0, used, false);
    }

    private static KeySeats reserved(String id, int quota, int used) {
        return new KeySeats(id, KeyType.RESERVED, quota, used, false);
    }

    private static KeySeats dynamic(String id, int quota, int used) {
        return new KeySeats(id, KeyType.DYNAMIC, quota, used, false);
    }

    private static KeySeats expired(KeySeats key) {
        return new KeySeats(key.keyId(), key.type(), key.quota(), key.used(), true);
    }

    private static KeyholdException assertCode(ErrorCode code, Executable action) {
        KeyholdException refused = assertThrows(KeyholdException.class, action);
        assertEquals(code, refused.code(), refused.getMessage());
        return refused;
    }

    private static void assertQuotaRefused(Executable action) {
        KeyholdException refused = assertCode(ErrorCode.BAD_REQUEST, action);
        assertEquals("quota", refused.violations().get(0).field());
    }
}
