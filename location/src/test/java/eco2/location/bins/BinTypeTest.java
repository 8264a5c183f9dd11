package eco2.location.bins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BinTypeTest {
    @Test
    void queriesTakeExactlyTheApiNames() {
        assertThat(BinType.fromWire("clothes")).contains(BinType.CLOTHES);
        assertThat(BinType.fromWire("Clothes")).isEmpty();
        assertThat(BinType.fromWire("의류")).isEmpty();
        assertThat(BinType.ALLOWED).isEqualTo("plastic, paper, glass, metal, general, clothes, battery");
    }

    @Test
    void importsAlsoTakeAnyCaseAndKoreanNames() {
        assertThat(BinType.fromImport(" PLASTIC ")).contains(BinType.PLASTIC);
        assertThat(BinType.fromImport("의류수거함")).contains(BinType.CLOTHES);
        assertThat(BinType.fromImport("폐건전지")).contains(BinType.BATTERY);
        assertThat(BinType.fromImport("캔")).contains(BinType.METAL);
        assertThat(BinType.fromImport("wood")).isEmpty();
        assertThat(BinType.fromImport(null)).isEmpty();
    }
}
