package eco2.location.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpandingSearchTest {
    @Test
    void widensUntilThereAreEnoughRowsOrTheRadiusIsReached() {
        List<Double> asked = new ArrayList<>();
        List<Integer> found = ExpandingSearch.nearest(20_000, 3, window -> {
            asked.add(window);
            return window >= 4000 ? List.of(1, 2, 3) : List.of(1);
        });
        assertThat(found).containsExactly(1, 2, 3);
        assertThat(asked).containsExactly(250.0, 1000.0, 4000.0);

        asked.clear();
        ExpandingSearch.nearest(5000, 3, window -> {
            asked.add(window);
            return Collections.<Integer>emptyList();
        });
        assertThat(asked).containsExactly(250.0, 1000.0, 4000.0, 5000.0);
    }

    @Test
    void aSmallRadiusIsOneQuery() {
        List<Double> asked = new ArrayList<>();
        ExpandingSearch.nearest(100, 20, window -> {
            asked.add(window);
            return List.of();
        });
        assertThat(asked).containsExactly(100.0);
    }
}
