package dev.migrationgate.expect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TemporalFamilyTest {

    @Test
    void readsTheFamilyOfFormatTypeWithOrWithoutPrecision() {
        assertEquals(TemporalFamily.TIMESTAMP, TemporalFamily.ofFormatType("timestamp without time zone"));
        assertEquals(TemporalFamily.TIMESTAMP, TemporalFamily.ofFormatType("timestamp(3) without time zone"));
        assertEquals(TemporalFamily.TIMESTAMPTZ, TemporalFamily.ofFormatType("timestamp(6) with time zone"));
        assertEquals(TemporalFamily.DATE, TemporalFamily.ofFormatType("date"));
        assertEquals(TemporalFamily.TIME, TemporalFamily.ofFormatType("time(0) without time zone"));
        assertEquals(TemporalFamily.TIMETZ, TemporalFamily.ofFormatType("time with time zone"));
    }

    @Test
    void otherTypesHaveNoFamily() {
        assertNull(TemporalFamily.ofFormatType("timestamp(3) without time zone[]"));
        assertNull(TemporalFamily.ofFormatType("numeric(10,2)"));
        assertNull(TemporalFamily.ofFormatType("character varying(20)"));
        assertNull(TemporalFamily.ofFormatType("interval(3)"));
        assertNull(TemporalFamily.ofFormatType("timestamp() without time zone"));
        assertNull(TemporalFamily.ofFormatType("\"timestamp(3) with time zone\""));
        assertNull(TemporalFamily.ofFormatType("text"));
    }
}
