package com.keyhold.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

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
    void aFormulaAfterASemicolonOrCommaIsNeutralisedForSpreadsheetsThatSplitThere() {
        assertEquals("\"Mac;'=1+1\"", CsvCells.cell("Mac;=1+1"));
        assertEquals("\"Mac,'@SUM(A1)\"", CsvCells.cell("Mac,@SUM(A1)"));
        assertEquals("\"a;b\"", CsvCells.cell("a;b"));
    }

    @Test
    void everyCellIsQuotedAndOrdinaryTextKeptAsItIs() {
        assertEquals("\"MacBook Pro\"", CsvCells.cell("MacBook Pro"));
        assertEquals("\"a-b\"", CsvCells.cell("a-b"));
        assertEquals("\"\"", CsvCells.cell(null));
    }

    @Test
    void quotesAndLineBreaksAreQuotedPerRfc4180() {
        assertEquals("\"a,b\"", CsvCells.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvCells.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvCells.cell("two\nlines"));
        assertEquals("\"x\",\"y,z\",\"\"\r\n", CsvCells.row("x", "y,z", null));
    }
}
