package eco2.auth;

import eco2.auth.keys.KeyRing;
import eco2.auth.keys.KeyRingLoader;
import eco2.common.config.Env;
import eco2.common.db.MigrateCommand;
import eco2.common.events.QueueBinding;
import eco2.common.http.Infra;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.List;

/** Runs auth on its own: {@code java -jar auth/target/auth.jar}. */
public final class AuthMain {
    private AuthMain() {}

    public static void main(String[] args) {
        Env env = Env.system();
        AuthConfig config = AuthConfig.fromEnv(env);
        env.requireComplete();
        if (MigrateCommand.runIfAsked(args, config.db(), List.of())) {
            QueueBinding.declareAll(config.amqp(), "auth", AuthModule.queues(config));
            return;
        }
        KeyRing keys = KeyRingLoader.load(config.signingKeyPem(), config.previousPublicKeyPem(), config.devKeyFile());
        // Auth verifies its own tokens with its key ring: no HTTP round trip to itself.
        Infra infra = Infra.create(
                config.redisUrl(),
                keys,
                config.issuer(),
                config.rateLimits(),
                Clock.systemUTC(),
                Infra.DEFAULT_AUTH_URL,
                config.accessTokenTtl());
        Javalin app = AuthApp.create(config, infra, keys);
        infra.lifecycle().closeAfterwards(infra).stopOnSignals();
        infra.lifecycle().start(app, config.http().port());
    }
}
