package com.keyhold.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.computer.ComputerPage;
import com.keyhold.computer.ComputerQuery;
import com.keyhold.computer.ComputerQuery.DisplayFilter;
import com.keyhold.computer.ComputerQuery.StatusFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The table's page, sort and filters become one database query (SPEC C6); nothing is paged in memory. */
class ComputerLazyModelTest {

    private final List<ComputerQuery> asked = new ArrayList<>();
    private final ComputerLazyModel model = new ComputerLazyModel(query -> {
        asked.add(query);
        return new ComputerPage(List.of(), 137, query.page(), query.size());
    });

    @Test
    void theTablesFirstRowAndPageSizeBecomeThePageNumber() {
        model.load(100, 50, Map.of(), Map.of());
        ComputerQuery query = asked.get(0);
        assertEquals(2, query.page());
        assertEquals(50, query.size());
        model.load(0, 25, Map.of(), Map.of());
        assertEquals(0, asked.get(1).page());
        assertEquals(25, asked.get(1).size());
    }

    @Test
    void theRowCountIsTheFilteredTotalOfTheDatabase() {
        model.load(0, 50, Map.of(), Map.of());
        assertEquals(137, model.getRowCount());
        assertEquals(137, model.count(Map.of()));
        assertEquals(1, asked.get(1).size(), "counting reads no more than one row");
    }

    @Test
    void theSortedColumnIsTheServicesSortField() {
        model.load(0, 50, sorted("keyName", SortOrder.DESCENDING), Map.of());
        assertEquals("keyName", asked.get(0).sort());
        assertFalse(asked.get(0).ascending());
        model.load(0, 50, sorted("lastContact", SortOrder.ASCENDING), Map.of());
        assertEquals("lastContact", asked.get(1).sort());
        assertTrue(asked.get(1).ascending());
    }

    @Test
    void unsortedOrUnknownColumnsLeaveTheServicesDefaultOrder() {
        model.load(0, 50, sorted("tokenHash", SortOrder.ASCENDING), Map.of());
        assertNull(asked.get(0).sort());
        model.load(0, 50, sorted("name", SortOrder.UNSORTED), Map.of());
        assertNull(asked.get(1).sort());
        model.load(0, 50, null, null);
        assertNull(asked.get(2).sort());
    }

    @Test
    void everyColumnTheServiceSortsOnIsSortable() {
        for (String field : List.of("name", "keyName", "status", "lastContact", "appVersion", "hardwareId", "serialNumber",
                "hostOs", "userName", "activatedAt", "expiresOn")) {
            asked.clear();
            model.load(0, 50, sorted(field, SortOrder.ASCENDING), Map.of());
            assertEquals(field, asked.get(0).sort());
        }
    }

    @Test
    void theToolbarsFiltersAndSearchGoIntoTheQuery() {
        model.setStatus(StatusFilter.BLACKLISTED);
        model.setDisplay(DisplayFilter.EXPIRING_SOON);
        model.setSearch("  mac of anna ");
        model.load(0, 50, Map.of(), Map.of());
        ComputerQuery query = asked.get(0);
        assertEquals(StatusFilter.BLACKLISTED, query.status());
        assertEquals(DisplayFilter.EXPIRING_SOON, query.display());
        assertEquals("mac of anna", query.search());

        model.setSearch("   ");
        model.setStatus(null);
        model.load(0, 50, Map.of(), Map.of());
        assertNull(asked.get(1).search());
        assertEquals(StatusFilter.ALL, asked.get(1).status());
    }

    @Test
    void theExportTakesTheWholeFilteredList() {
        model.setStatus(StatusFilter.DEACTIVATED);
        model.setSearch("lab");
        ComputerQuery export = model.filteredQuery();
        assertEquals(StatusFilter.DEACTIVATED, export.status());
        assertEquals("lab", export.search());
        assertEquals(0, export.page());
    }

    private static Map<String, SortMeta> sorted(String field, SortOrder order) {
        Map<String, SortMeta> sortBy = new LinkedHashMap<>();
        sortBy.put(field, SortMeta.builder().field(field).order(order).build());
        return sortBy;
    }
}
