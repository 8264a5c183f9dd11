package eco2.my.points;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The level boundaries of API.md, checked at every edge. */
class LevelsTest {
    @ParameterizedTest
    @CsvSource({
        "0,1,101",
        "100,1,101",
        "101,2,301",
        "300,2,301",
        "301,3,601",
        "600,3,601",
        "601,4,1001",
        "1000,4,1001",
        "1001,5,",
        "99999,5,"
    })
    void levelAndNextLevel(long points, int level, Long next) {
        assertThat(Levels.of(points)).isEqualTo(level);
        assertThat(Levels.nextLevelAt(points)).isEqualTo(next);
    }

    @ParameterizedTest
    @CsvSource({"1,0,100", "2,101,300", "3,301,600", "4,601,1000", "5,1001,"})
    void ranges(int level, long min, Long max) {
        assertThat(Levels.minPoints(level)).isEqualTo(min);
        assertThat(Levels.maxPoints(level)).isEqualTo(max);
    }

    @ParameterizedTest
    @CsvSource({"0,0.0", "50,0.495", "101,0.0", "200,0.495", "1001,1.0", "5000,1.0"})
    void progressThroughTheLevel(long points, double progress) {
        assertThat(Levels.progress(points)).isEqualTo(progress);
    }
}
