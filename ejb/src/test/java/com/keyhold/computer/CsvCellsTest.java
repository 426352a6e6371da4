package com.keyhold.computer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** SPEC C7 and the quality bar: exports open harmlessly in a spreadsheet. */
class CsvCellsTest {

    @Test
    void formulaLookingCellsAreTurnedIntoText() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", CsvCells.cell("=HYPERLINK(\"http://x\",\"y\")"));
        assertEquals("\"'+1\"", CsvCells.cell("+1"));
        assertEquals("\"'-1\"", CsvCells.cell("-1"));
        assertEquals("\"'@x\"", CsvCells.cell("@x"));
        assertEquals("\"'\tcmd\"", CsvCells.cell("\tcmd"));
    }

    @Test
    void ordinaryCellsStayAsTheyAre() {
        assertEquals("MacBook Pro", CsvCells.cell("MacBook Pro"));
        assertEquals("a-b", CsvCells.cell("a-b"));
        assertEquals("", CsvCells.cell(null));
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuotedPerRfc4180() {
        assertEquals("\"a,b\"", CsvCells.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvCells.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvCells.cell("two\nlines"));
        assertEquals("x,\"y,z\",\r\n", CsvCells.row("x", "y,z", null));
    }
}
