package eco2.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.client.api.AuthApi;
import eco2.client.api.InfoApi;
import eco2.client.api.MyApi;
import eco2.client.model.LoginRequest;
import eco2.client.model.Profile;
import eco2.client.model.RegisterRequest;
import eco2.client.model.RegisteredView;
import eco2.client.model.SearchRequest;
import eco2.client.model.SearchResult;
import eco2.client.model.TokenPair;
import eco2.common.testing.TestHttp;
import eco2.compose.AllServices;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java client generated from {@code openapi/eco2.json} against every service in one app, as the dev launcher
 * runs them: register, sign in, read the profile and search the guide, through the generated methods only.
 */
class ClientIT {
    static final String PASSWORD = "correct horse battery";

    static AllServices all;
    static Javalin app;
    static ApiClient client;

    @BeforeAll
    static void start() throws Exception {
        all = AllServices.create();
        app = all.start();
        client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + app.port());
    }

    @AfterAll
    static void stop() {
        if (app != null) app.stop(); // closes the modules
        if (all != null) all.infra.close();
    }

    @Test
    void theGeneratedClientFromTheCheckedInSpecTalksToTheServedApi() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        assertThat(new TestHttp(app.port()).get("/openapi.json").json())
                .as("the client was generated from what the app serves")
                .isEqualTo(mapper.readTree(Path.of("..", "openapi", "eco2.json").toFile()));
    }

    @Test
    void registerSignInReadTheProfileAndSearchItems() throws Exception {
        String name = "client" + UUID.randomUUID().toString().substring(0, 8);
        AuthApi auth = new AuthApi(client);
        RegisteredView registered = auth.registerUser(new RegisterRequest()
                .email(name + "@example.com")
                .username(name)
                .password(PASSWORD));
        assertThat(registered.getUsername()).isEqualTo(name);

        TokenPair tokens =
                auth.login(new LoginRequest().email(name + "@example.com").password(PASSWORD));
        assertThat(tokens.getTokenType()).isEqualTo("bearer");

        ApiClient signedIn = new ApiClient();
        signedIn.updateBaseUri(client.getBaseUri());
        signedIn.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + tokens.getAccessToken()));
        Profile profile = new MyApi(signedIn).getMyProfile();
        assertThat(profile.getUserId()).isEqualTo(registered.getId());
        assertThat(profile.getPoints()).isZero();

        SearchResult found = new InfoApi(client).searchItems(new SearchRequest().query("페트"));
        assertThat(found.getItems())
                .isNotEmpty()
                .anySatisfy(hit -> assertThat(hit.getName()).contains("페트"));
    }
}
