package eco2.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.auth.AuthApp;
import eco2.common.http.HttpApp;
import eco2.common.http.ServiceModule;
import eco2.info.InfoApp;
import eco2.location.LocationApp;
import eco2.my.MyApp;
import eco2.workers.WorkersApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checked-in {@code openapi/*.json} are the documents the apps serve ({@link HttpApp#openApi}): each service on
 * its own, and the dev launcher ({@code eco2.json}). The static checks lint these files with Spectral and the client
 * module generates its Java client from {@code eco2.json}, so a change to an annotation fails here until the files
 * follow: {@code mvn -pl compose -am verify -Dit.test=OpenApiFilesIT -Deco2.openapi.write=true} rewrites them.
 */
class OpenApiFilesIT {
    static final Path DIR = Path.of("..", "openapi");

    @Test
    void theCheckedInSpecsAreTheServedOnes() throws Exception {
        try (AllServices all = AllServices.create()) {
            ObjectMapper mapper = all.infra.mapper();
            List<String> titles =
                    List.of(AuthApp.TITLE, MyApp.TITLE, LocationApp.TITLE, InfoApp.TITLE, WorkersApp.TITLE);
            Map<String, String> served = new LinkedHashMap<>();
            for (int i = 0; i < all.modules.size(); i++) {
                ServiceModule module = all.modules.get(i);
                served.put(module.name(), HttpApp.openApi(titles.get(i), mapper, List.of(module)));
            }
            served.put("eco2", HttpApp.openApi(DevLauncher.TITLE, mapper, all.modules));

            boolean write = Boolean.getBoolean("eco2.openapi.write");
            for (Map.Entry<String, String> spec : served.entrySet()) {
                Path file = DIR.resolve(spec.getKey() + ".json");
                if (write) {
                    Files.createDirectories(DIR);
                    Files.writeString(file, spec.getValue() + "\n");
                    continue;
                }
                assertThat(file)
                        .as("run with -Deco2.openapi.write=true to create it")
                        .exists();
                assertThat(mapper.readTree(file.toFile()))
                        .as("%s differs from what is served; rewrite it with -Deco2.openapi.write=true", file)
                        .isEqualTo(mapper.readTree(spec.getValue()));
            }
        }
    }
}
