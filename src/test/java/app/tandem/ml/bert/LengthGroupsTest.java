package app.tandem.ml.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LengthGroupsTest {

    @Test
    void groupsAreCutFromTheLengthOrderAndEqualLengthsKeepTheirOrder() {
        List<long[]> ids = List.of(new long[4], new long[2], new long[4], new long[1], new long[2]);
        List<int[]> groups = LengthGroups.of(ids, 2);
        assertEquals(3, groups.size());
        assertArrayEquals(new int[] {3, 1}, groups.get(0));
        assertArrayEquals(new int[] {4, 0}, groups.get(1));
        assertArrayEquals(new int[] {2}, groups.get(2));
        assertEquals(List.of(ids.get(4), ids.get(0)), LengthGroups.rows(ids, groups.get(1)));
        assertEquals(List.of(), LengthGroups.of(List.of(), 3));
    }
}
