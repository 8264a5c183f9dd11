package eco2.location;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.testing.RunningApp;
import eco2.common.testing.SpecDrift;
import eco2.common.testing.TestHttp;
import eco2.location.geocode.GeocodeRequest;
import eco2.location.geocode.ReverseRequest;
import eco2.location.places.PlaceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 17 for location: NUL in a search parameter and lone surrogates or control characters in a saved place
 * are a 422 naming the field (never a 500, never stored as '?'), and the spec advertises what the bodies accept.
 */
class InputTextIT {
    static final String ME = "/api/v1/locations/me";

    @RegisterExtension
    static final RunningApp<LocationTestApp> location = RunningApp.of(LocationTestApp::start);

    static void refused(TestHttp.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().path("code").asText()).isEqualTo("validation_error");
        assertThat(r.json().get("errors").findValuesAsText("field")).containsExactly(field);
    }

    @ParameterizedTest
    @CsvSource({
        "region=a%00b, region",
        "region=%EC%B6%A9%EB%B6%81&item=a%00b, item",
        "lat=37.56&lon=126.97&item=a%00b, item",
        "region=%EC%B6%A9%EB%B6%81&item=a%1Bb, item"
    })
    void aCentreSearchWithNulOrControlsIs422NamingTheParameter(String query, String field) {
        refused(location.get().http.get("/api/v1/locations/centers?" + query), field);
    }

    @ParameterizedTest(name = "{1} = {0}")
    @CsvSource({
        "a\\ud800b, name",
        "a\\udc00b, name",
        "a\\u0000b, name",
        "a\\u001bb, name",
        "a\\ud800b, address",
        "a\\u0000b, address",
        "a\\nb, address"
    })
    void aPlaceWithBadTextIs422AndNothingIsStored(String escaped, String field) {
        LocationTestApp.User user = location.get().register();
        String name = field.equals("name") ? escaped : "집";
        String address = field.equals("address") ? escaped : "서울 중구 세종대로 110";
        String body = "{\"name\":\"" + name + "\",\"address\":\"" + address
                + "\",\"latitude\":37.5663,\"longitude\":126.9779}";

        refused(location.get().http.postJson(ME, body, user.auth()), field);
        assertThat(location.get().http.get(ME, user.auth()).json().path("items").size())
                .isZero();
    }

    @Test
    void aGeocodeAddressWithALoneSurrogateIs422() {
        LocationTestApp.User user = location.get().register();

        refused(
                location.get().http.postJson("/api/v1/locations/geocode", "{\"address\":\"서울\\ud800\"}", user.auth()),
                "address");
    }

    @Test
    void theSpecAdvertisesExactlyTheFieldsTheBodiesAccept() {
        SpecDrift.assertBodiesMatch(
                location.get().http.get("/openapi.json").json(),
                location.get().infra.jsonBody(),
                PlaceRequest.class,
                GeocodeRequest.class,
                ReverseRequest.class);
    }
}
