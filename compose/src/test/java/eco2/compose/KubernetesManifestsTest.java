package eco2.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders {@code k8s/overlays/dev} and {@code k8s/overlays/prod} with {@code kubectl kustomize}, reads every object
 * into the fabric8 typed model, and checks what a cluster would only tell at deploy time: probes, resources and the
 * non-root, read-only sandbox of every workload; Services, HPAs, PDBs and Ingress routes that point at something
 * that exists; every environment variable backed by a ConfigMap or Secret key that the overlay actually provides
 * (its secretGenerator or its ExternalSecrets); a default-deny NetworkPolicy.
 *
 * <p>Every check collects all of its findings before failing, so one run lists every broken manifest.
 */
class KubernetesManifestsTest {
    /** The public path prefixes (README, compose gateway, dev launcher) and the Service each must reach. */
    private static final Map<String, String> ROUTES = orderedMap(
            "/api/v1/auth", "auth",
            "/api/v1/users", "my",
            "/api/v1/locations", "location",
            "/api/v1/recycle", "info",
            "/api/v1/scan", "workers",
            "/api/v1/chat", "workers",
            "/api/v1/characters", "workers");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, List<HasMetadata>> RENDERED = new ConcurrentHashMap<>();

    // ---- workloads -----------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod", "prod+llm"})
    void everyDeploymentHasProbesResourcesAndANonRootReadOnlySandbox(String overlay) {
        Rendered r = render(overlay);
        assertThat(r.all(Deployment.class))
                .as("%s renders Deployments", overlay)
                .hasSize(ROUTES.values().stream().distinct().toList().size());
        List<String> problems = new ArrayList<>();
        for (Deployment d : r.all(Deployment.class)) {
            String where = "Deployment " + d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            for (Container c : pod.getContainers()) {
                String at = where + " container " + c.getName();
                if (c.getLivenessProbe() == null) problems.add(at + ": no livenessProbe");
                if (c.getReadinessProbe() == null) problems.add(at + ": no readinessProbe");
                if (c.getStartupProbe() == null) problems.add(at + ": no startupProbe");
            }
        }
        for (Workload w : r.workloads()) problems.addAll(sandboxProblems(w));
        assertThat(problems).as("%s: workloads", overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod", "prod+llm"})
    void everyContainerPortIsNamedAndPortEnvMatchesIt(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Workload w : render(overlay).workloads()) {
            for (Container c : w.containers()) {
                List<ContainerPort> ports = Optional.ofNullable(c.getPorts()).orElse(List.of());
                for (ContainerPort p : ports) {
                    if (blank(p.getName()))
                        problems.add(
                                w + " container " + c.getName() + ": port " + p.getContainerPort() + " has no name");
                }
                // The services listen on PORT: it must be the port the probes, the Service and the policies use.
                Optional<ContainerPort> http =
                        ports.stream().filter(p -> "http".equals(p.getName())).findFirst();
                Optional<String> portEnv = envList(c).stream()
                        .filter(e -> "PORT".equals(e.getName()))
                        .map(EnvVar::getValue)
                        .filter(Objects::nonNull)
                        .findFirst();
                if (http.isPresent()
                        && !portEnv.equals(Optional.of(String.valueOf(http.get().getContainerPort())))) {
                    problems.add(w + " container " + c.getName() + ": PORT=" + portEnv.orElse("(unset)")
                            + " but the http port is " + http.get().getContainerPort());
                }
            }
        }
        assertThat(problems).as("%s: container ports", overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod", "prod+llm"})
    void everyDeploymentHasAServiceWhoseTargetPortIsANamedContainerPort(String overlay) {
        Rendered r = render(overlay);
        List<String> problems = new ArrayList<>();
        for (Deployment d : r.all(Deployment.class)) {
            PodTemplateSpec template = d.getSpec().getTemplate();
            Map<String, String> podLabels = template.getMetadata().getLabels();
            Set<String> portNames = namedPorts(template.getSpec());
            List<Service> matching = r.all(Service.class).stream()
                    .filter(s -> selects(s.getSpec().getSelector(), podLabels))
                    .toList();
            if (matching.isEmpty()) {
                problems.add("Deployment " + d.getMetadata().getName() + ": no Service selects its pods " + podLabels);
            }
            if (!matches(d.getSpec().getSelector(), podLabels)) {
                problems.add("Deployment " + d.getMetadata().getName() + ": its selector does not match its own pods");
            }
            for (Service s : matching) {
                for (ServicePort p : s.getSpec().getPorts()) {
                    IntOrString target = p.getTargetPort();
                    if (target == null || target.getStrVal() == null) {
                        problems.add("Service " + s.getMetadata().getName() + " port " + p.getName()
                                + ": targetPort must name a container port, is " + target);
                    } else if (!portNames.contains(target.getStrVal())) {
                        problems.add("Service " + s.getMetadata().getName() + ": targetPort " + target.getStrVal()
                                + " is not a container port of Deployment "
                                + d.getMetadata().getName() + " " + portNames);
                    }
                    if (blank(p.getName()))
                        problems.add("Service " + s.getMetadata().getName() + ": a port has no name");
                }
            }
        }
        // A Service must not send traffic to the migration Jobs' pods.
        for (Service s : r.all(Service.class)) {
            if (s.getSpec().getSelector() == null || s.getSpec().getSelector().isEmpty()) {
                problems.add("Service " + s.getMetadata().getName() + ": no selector");
                continue;
            }
            for (Job j : r.all(Job.class)) {
                if (selects(
                        s.getSpec().getSelector(),
                        j.getSpec().getTemplate().getMetadata().getLabels())) {
                    problems.add("Service " + s.getMetadata().getName() + " selects the pods of Job "
                            + j.getMetadata().getName());
                }
            }
        }
        assertThat(problems).as("%s: Services", overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod", "prod+llm"})
    void everyDeploymentHasAMigrationJobOnTheSameImage(String overlay) {
        Rendered r = render(overlay);
        List<String> problems = new ArrayList<>();
        for (Deployment d : r.all(Deployment.class)) {
            String image =
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
            boolean found = r.all(Job.class).stream()
                    .map(j ->
                            j.getSpec().getTemplate().getSpec().getContainers().get(0))
                    .anyMatch(c ->
                            image.equals(c.getImage()) && List.of("migrate").equals(c.getArgs()));
            if (!found) problems.add("Deployment " + d.getMetadata().getName() + ": no Job runs " + image + " migrate");
            if (image.endsWith(":latest") || !image.contains(":")) {
                problems.add("Deployment " + d.getMetadata().getName() + ": image " + image + " has no pinned tag");
            }
        }
        assertThat(problems).as("%s: migration Jobs", overlay).isEmpty();
    }

    // ---- configuration ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod", "prod+llm"})
    void everyEnvironmentVariableRefersToAnExistingConfigMapOrSecretKey(String overlay) {
        Rendered r = render(overlay);
        Map<String, Set<String>> configMaps = new HashMap<>();
        for (ConfigMap cm : r.all(ConfigMap.class)) {
            configMaps.put(cm.getMetadata().getName(), keys(cm.getData(), cm.getBinaryData()));
        }
        Map<String, Set<String>> secrets = r.secretKeys();
        List<String> problems = new ArrayList<>();
        for (Workload w : r.workloads()) {
            for (Container c : w.allContainers()) {
                String at = w + " container " + c.getName();
                for (EnvVar e : envList(c)) {
                    if (e.getValueFrom() == null) continue;
                    var cmRef = e.getValueFrom().getConfigMapKeyRef();
                    var secretRef = e.getValueFrom().getSecretKeyRef();
                    if (cmRef != null) {
                        problems.addAll(
                                missingKey(at, e.getName(), "ConfigMap", configMaps, cmRef.getName(), cmRef.getKey()));
                    } else if (secretRef != null) {
                        problems.addAll(missingKey(
                                at, e.getName(), "Secret", secrets, secretRef.getName(), secretRef.getKey()));
                    }
                }
                for (EnvFromSource from : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
                    if (from.getConfigMapRef() != null
                            && !configMaps.containsKey(from.getConfigMapRef().getName())) {
                        problems.add(at + ": envFrom ConfigMap "
                                + from.getConfigMapRef().getName() + " does not exist");
                    }
                    if (from.getSecretRef() != null
                            && !secrets.containsKey(from.getSecretRef().getName())) {
                        problems.add(
                                at + ": envFrom Secret " + from.getSecretRef().getName() + " does not exist");
                    }
                }
            }
        }
        assertThat(problems)
                .as(
                        "%s: environment references (ConfigMaps %s, Secrets %s)",
                        overlay, configMaps.keySet(), secrets.keySet())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"prod", "prod+llm"})
    void productionKeepsNoSecretValuesInGit(String overlay) {
        Rendered r = render(overlay);
        assertThat(r.all(Secret.class))
                .as("%s renders Secret objects; they belong in the secret store", overlay)
                .isEmpty();
        assertThat(r.generic("ExternalSecret"))
                .as("%s ExternalSecrets", overlay)
                .isNotEmpty();
    }

    /**
     * Each service reaches RabbitMQ as its own user of {@code k8s/rabbitmq/definitions.json}, from its own Secret:
     * dev's generated URLs name that user and the definitions' vhost; prod's come from that service's own entry in
     * the secret store. {@code BrokerDefinitionsTest} checks what each user may do.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod", "prod+llm"})
    @SuppressWarnings("unchecked")
    void everyServiceReachesTheBrokerAsItsOwnUser(String overlay) {
        Rendered r = render(overlay);
        BrokerDefinitions broker = BrokerDefinitions.read(BrokerDefinitions.KUBERNETES);
        Map<String, String> generated = new HashMap<>(); // Secret → its AMQP_URL (dev)
        for (Secret s : r.all(Secret.class)) {
            String encoded = s.getData() == null ? null : s.getData().get("AMQP_URL");
            if (encoded != null)
                generated.put(
                        s.getMetadata().getName(),
                        new String(Base64.getMimeDecoder().decode(encoded), StandardCharsets.UTF_8));
        }
        Map<String, String> stored = new HashMap<>(); // Secret → the store entry its AMQP_URL comes from (prod)
        for (GenericKubernetesResource es : r.generic("ExternalSecret")) {
            Map<String, Object> spec =
                    (Map<String, Object>) es.getAdditionalProperties().get("spec");
            Map<String, Object> target = (Map<String, Object>) spec.getOrDefault("target", Map.of());
            for (Map<String, Object> item : (List<Map<String, Object>>) spec.getOrDefault("data", List.of())) {
                if ("AMQP_URL".equals(item.get("secretKey")))
                    stored.put(
                            (String)
                                    target.getOrDefault("name", es.getMetadata().getName()),
                            (String) ((Map<String, Object>) item.get("remoteRef")).get("key"));
            }
        }
        List<String> problems = new ArrayList<>();
        Set<String> connecting = new TreeSet<>();
        for (Workload w : r.workloads()) {
            String service = w.name().replaceFirst("^(Deployment|Job) ", "").replaceFirst("-migrate$", "");
            for (Container c : w.allContainers()) {
                for (EnvVar e : envList(c)) {
                    if (!"AMQP_URL".equals(e.getName())) continue;
                    connecting.add(service);
                    var ref = e.getValueFrom() == null ? null : e.getValueFrom().getSecretKeyRef();
                    if (ref == null || !ref.getName().matches(service + "-secrets(-[a-z0-9]+)?")) {
                        problems.add(w + ": AMQP_URL is not from " + service + "-secrets");
                        continue;
                    }
                    if (generated.containsKey(ref.getName())) {
                        URI url = URI.create(generated.get(ref.getName()));
                        String user = url.getUserInfo() == null
                                ? ""
                                : url.getUserInfo().split(":")[0];
                        String vhost = url.getPath().replaceFirst("^/", "");
                        if (!user.equals(service) || !broker.users().containsKey(user))
                            problems.add(w + ": connects as '" + user + "', not as its own broker user " + service);
                        if (!vhost.equals(broker.vhost()))
                            problems.add(w + ": vhost '" + vhost + "', not " + broker.vhost());
                    } else if (stored.containsKey(ref.getName())) {
                        if (!stored.get(ref.getName()).endsWith("/" + service))
                            problems.add(w + ": AMQP_URL comes from the store entry " + stored.get(ref.getName())
                                    + ", not " + service + "'s");
                    } else {
                        problems.add(w + ": no Secret provides " + ref.getName() + "'s AMQP_URL");
                    }
                }
            }
        }
        assertThat(connecting).as("%s: services with an AMQP_URL", overlay).contains("auth", "my", "workers");
        assertThat(problems).as("%s: broker users", overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod", "prod+llm"})
    void everyPodRunsUnderItsOwnServiceAccountWithoutAToken(String overlay) {
        Rendered r = render(overlay);
        Map<String, ServiceAccount> accounts = new HashMap<>();
        r.all(ServiceAccount.class).forEach(sa -> accounts.put(sa.getMetadata().getName(), sa));
        List<String> problems = new ArrayList<>();
        for (ServiceAccount sa : accounts.values()) {
            if (!Boolean.FALSE.equals(sa.getAutomountServiceAccountToken())) {
                problems.add(
                        "ServiceAccount " + sa.getMetadata().getName() + ": automountServiceAccountToken is not false");
            }
        }
        for (Workload w : r.workloads()) {
            String name = w.pod().getServiceAccountName();
            if (blank(name) || !accounts.containsKey(name)) {
                problems.add(w + ": serviceAccountName " + name + " does not exist");
            }
        }
        for (HasMetadata o : r.objects()) {
            if (!(o instanceof Namespace) && !"eco2".equals(o.getMetadata().getNamespace())) {
                problems.add(o.getKind() + " " + o.getMetadata().getName() + ": namespace "
                        + o.getMetadata().getNamespace());
            }
        }
        assertThat(problems).as("%s: service accounts and namespace", overlay).isEmpty();
    }

    // ---- scaling and disruption ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod", "prod+llm"})
    void everyAutoscalerTargetsAnExistingDeploymentWithinItsBounds(String overlay) {
        Rendered r = render(overlay);
        List<String> problems = new ArrayList<>();
        assertThat(r.all(HorizontalPodAutoscaler.class)).as("%s HPAs", overlay).isNotEmpty();
        for (HorizontalPodAutoscaler hpa : r.all(HorizontalPodAutoscaler.class)) {
            var ref = hpa.getSpec().getScaleTargetRef();
            String at = "HPA " + hpa.getMetadata().getName();
            Optional<Deployment> target = r.all(Deployment.class).stream()
                    .filter(d -> d.getMetadata().getName().equals(ref.getName()))
                    .findFirst();
            if (!"Deployment".equals(ref.getKind()) || !"apps/v1".equals(ref.getApiVersion()) || target.isEmpty()) {
                problems.add(at + ": targets " + ref.getApiVersion() + " " + ref.getKind() + " " + ref.getName()
                        + ", which does not exist");
                continue;
            }
            int min = Optional.ofNullable(hpa.getSpec().getMinReplicas()).orElse(1);
            int max = hpa.getSpec().getMaxReplicas();
            int replicas =
                    Optional.ofNullable(target.get().getSpec().getReplicas()).orElse(1);
            if (min > max || replicas < min || replicas > max) {
                problems.add(at + ": min " + min + ", max " + max + ", but the Deployment asks for " + replicas);
            }
            if (hpa.getSpec().getMetrics() == null
                    || hpa.getSpec().getMetrics().stream()
                            .noneMatch(m -> m.getResource() != null
                                    && "cpu".equals(m.getResource().getName()))) {
                problems.add(at + ": no CPU metric");
            }
        }
        assertThat(problems).as("%s: HPAs", overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod", "prod+llm"})
    void everyDisruptionBudgetSelectsDeploymentPodsAndStillLetsADrainThrough(String overlay) {
        Rendered r = render(overlay);
        List<String> problems = new ArrayList<>();
        for (PodDisruptionBudget pdb : r.all(PodDisruptionBudget.class)) {
            String at = "PDB " + pdb.getMetadata().getName();
            List<Deployment> selected = r.all(Deployment.class).stream()
                    .filter(d -> matches(
                            pdb.getSpec().getSelector(),
                            d.getSpec().getTemplate().getMetadata().getLabels()))
                    .toList();
            if (selected.isEmpty()) problems.add(at + ": selects no Deployment's pods");
            IntOrString minAvailable = pdb.getSpec().getMinAvailable();
            for (Deployment d : selected) {
                int replicas = Optional.ofNullable(d.getSpec().getReplicas()).orElse(1);
                if (minAvailable != null && minAvailable.getIntVal() != null && minAvailable.getIntVal() >= replicas) {
                    problems.add(at + ": minAvailable " + minAvailable.getIntVal() + " with " + replicas
                            + " replica(s) of " + d.getMetadata().getName() + " blocks every node drain");
                }
            }
        }
        Set<String> covered = new HashSet<>();
        for (Deployment d : r.all(Deployment.class)) {
            for (PodDisruptionBudget pdb : r.all(PodDisruptionBudget.class)) {
                if (matches(
                        pdb.getSpec().getSelector(),
                        d.getSpec().getTemplate().getMetadata().getLabels())) {
                    covered.add(d.getMetadata().getName());
                }
            }
            if (!covered.contains(d.getMetadata().getName())) {
                problems.add("Deployment " + d.getMetadata().getName() + ": no PodDisruptionBudget");
            }
        }
        assertThat(problems).as("%s: PDBs", overlay).isEmpty();
    }

    // ---- traffic ---------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod", "prod+llm"})
    void theIngressRoutesEveryDocumentedPrefixToAnExistingServicePort(String overlay) {
        Rendered r = render(overlay);
        Map<String, Service> services = new HashMap<>();
        r.all(Service.class).forEach(s -> services.put(s.getMetadata().getName(), s));
        List<String> problems = new ArrayList<>();
        Map<String, String> routed = new HashMap<>();
        for (Ingress ing : r.all(Ingress.class)) {
            String at = "Ingress " + ing.getMetadata().getName();
            if (!"nginx".equals(ing.getSpec().getIngressClassName()))
                problems.add(at + ": ingressClassName is not nginx");
            for (IngressRule rule : ing.getSpec().getRules()) {
                boolean tls = Optional.ofNullable(ing.getSpec().getTls()).orElse(List.of()).stream()
                        .anyMatch(t -> t.getHosts() != null && t.getHosts().contains(rule.getHost()));
                if (blank(rule.getHost()) || !tls)
                    problems.add(at + ": host " + rule.getHost() + " is not served with TLS");
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    IngressServiceBackend backend = path.getBackend().getService();
                    Service service = backend == null ? null : services.get(backend.getName());
                    if (service == null) {
                        problems.add(at + " " + path.getPath() + ": no such Service "
                                + (backend == null ? null : backend.getName()));
                        continue;
                    }
                    var port = backend.getPort();
                    boolean portExists = service.getSpec().getPorts().stream()
                            .anyMatch(p ->
                                    (port.getName() != null && port.getName().equals(p.getName()))
                                            || (port.getNumber() != null
                                                    && port.getNumber().equals(p.getPort())));
                    if (!portExists)
                        problems.add(at + " " + path.getPath() + ": Service " + backend.getName() + " has no port "
                                + (port.getName() != null ? port.getName() : port.getNumber()));
                    if ("Prefix".equals(path.getPathType())) {
                        String previous = routed.put(path.getPath(), backend.getName());
                        if (previous != null) problems.add(at + ": " + path.getPath() + " is routed twice");
                    }
                }
            }
        }
        ROUTES.forEach((prefix, service) -> {
            if (!service.equals(routed.get(prefix))) {
                problems.add(prefix + " (Prefix) should reach Service " + service + ", reaches " + routed.get(prefix));
            }
        });
        assertThat(problems).as("%s: Ingress", overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod", "prod+llm"})
    void theNamespaceDeniesAllTrafficByDefault(String overlay) {
        List<NetworkPolicy> denyAll = render(overlay).all(NetworkPolicy.class).stream()
                .filter(np -> np.getSpec().getPodSelector() != null
                        && isEmpty(np.getSpec().getPodSelector())
                        && np.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                        && Optional.ofNullable(np.getSpec().getIngress())
                                .orElse(List.of())
                                .isEmpty()
                        && Optional.ofNullable(np.getSpec().getEgress())
                                .orElse(List.of())
                                .isEmpty())
                .toList();
        assertThat(denyAll)
                .as("%s: a NetworkPolicy selecting every pod, with Ingress and Egress and no rule", overlay)
                .isNotEmpty();
    }

    /**
     * X-Forwarded-For is believed from TRUSTED_PROXIES: that must be the ingress controller's own small pool, never
     * a whole pod or private range (any pod in it could then claim any client address). /20 is a generous bound.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void onlyANarrowRangeOfProxiesIsTrustedWithForwardedFor(String overlay) {
        List<String> values = render(overlay).all(ConfigMap.class).stream()
                .map(cm -> cm.getData() == null ? null : cm.getData().get("TRUSTED_PROXIES"))
                .filter(Objects::nonNull)
                .toList();
        assertThat(values).as("%s: TRUSTED_PROXIES is set", overlay).isNotEmpty();
        for (String value : values) {
            for (String cidr : value.split(",")) {
                String[] parts = cidr.trim().split("/");
                boolean v6 = parts[0].contains(":");
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : v6 ? 128 : 32;
                assertThat(prefix)
                        .as("%s: TRUSTED_PROXIES %s is too wide to be one controller's pods", overlay, cidr)
                        .isGreaterThanOrEqualTo(v6 ? 116 : 20);
            }
        }
    }

    // ---- workers: scan, chat, characters ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod", "prod+llm"})
    void workersGetsEverySecretProductionRequiresFromItsSecret(String overlay) {
        Rendered r = render(overlay);
        Set<String> secrets = WorkersDeployment.productionSecrets();
        assertThat(secrets).contains("SCAN_TICKET_SECRET", "LLM_API_KEY");
        List<String> problems = new ArrayList<>();
        for (Workload w : r.workloadsOf("workers")) {
            Container c = w.containers().get(0);
            for (String secret : secrets) {
                boolean fromSecret = envList(c).stream()
                        .anyMatch(e -> secret.equals(e.getName())
                                && e.getValueFrom() != null
                                && e.getValueFrom().getSecretKeyRef() != null);
                if (!fromSecret) problems.add(w + ": " + secret + " is not taken from a Secret (secretKeyRef)");
            }
        }
        // A generated (dev) ticket secret must be one workers accepts, and the same for every replica.
        for (Secret s : r.all(Secret.class)) {
            String encoded = s.getData() == null ? null : s.getData().get("SCAN_TICKET_SECRET");
            if (encoded == null) continue;
            String value = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            String problem = WorkersDeployment.ticketSecretProblem(value);
            if (problem != null) problems.add("Secret " + s.getMetadata().getName() + ": " + problem);
        }
        assertThat(problems).as("%s: workers' secrets %s", overlay, secrets).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod", "prod+llm"})
    void workersGetsEveryScanChatAndLlmSetting(String overlay) {
        Rendered r = render(overlay);
        Set<String> settings = WorkersDeployment.featureSettings();
        List<String> problems = new ArrayList<>();
        for (Workload w : r.workloadsOf("workers")) {
            Set<String> missing = new TreeSet<>(settings);
            missing.removeAll(r.environment(w.containers().get(0)).keySet());
            if (!missing.isEmpty()) problems.add(w + ": no " + missing);
        }
        assertThat(problems)
                .as("%s: variables scan, chat or the LLM client read (ConfigMap workers-config or env)", overlay)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod", "prod+llm"})
    void everyInClusterUrlIsAServiceThatTheNetworkPoliciesLetThrough(String overlay) {
        Rendered r = render(overlay);
        List<String> problems = new ArrayList<>();
        Deployment workers = r.deployment("workers");
        Map<String, String> workersEnv = r.environment(
                workers.getSpec().getTemplate().getSpec().getContainers().get(0));
        WorkersDeployment.UPSTREAMS.forEach((variable, service) -> {
            String target = r.serviceOf(workersEnv.getOrDefault(variable, "")).orElse(null);
            if (!service.equals(target))
                problems.add("workers: " + variable + "=" + workersEnv.get(variable) + " is not Service " + service);
        });
        for (Deployment d : r.all(Deployment.class)) {
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            r.environment(c).forEach((variable, value) -> {
                Optional<String> service = r.serviceOf(value);
                if (service.isEmpty()) return;
                String at = "Deployment " + d.getMetadata().getName() + " " + variable + "=" + value;
                URI url = URI.create(value);
                int port = url.getPort() == -1 ? 80 : url.getPort();
                Optional<ContainerPort> podPort = r.podPort(service.get(), port);
                if (podPort.isEmpty()) {
                    problems.add(at + ": Service " + service.get() + " has no port " + port);
                    return;
                }
                Map<String, String> from =
                        d.getSpec().getTemplate().getMetadata().getLabels();
                Map<String, String> to = r.deployment(service.get())
                        .getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getLabels();
                List<NetworkPolicy> policies = r.all(NetworkPolicy.class);
                if (!allows(policies, "Egress", from, to, podPort.get()))
                    problems.add(
                            at + ": no NetworkPolicy lets " + d.getMetadata().getName() + " out to " + service.get()
                                    + " on " + podPort.get().getContainerPort());
                if (!allows(policies, "Ingress", to, from, podPort.get()))
                    problems.add(at + ": no NetworkPolicy lets " + service.get() + " accept "
                            + d.getMetadata().getName() + " on " + podPort.get().getContainerPort());
            });
        }
        assertThat(problems).as("%s: in-cluster calls", overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod", "prod+llm"})
    void workersReachesTheInternetOverHttpsOnlyWhenAProviderIsConfigured(String overlay) {
        Rendered r = render(overlay);
        Deployment workers = r.deployment("workers");
        Map<String, String> labels =
                workers.getSpec().getTemplate().getMetadata().getLabels();
        String base = r.environment(workers.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0))
                .getOrDefault("LLM_BASE_URL", "");
        boolean https = internetEgress(r.all(NetworkPolicy.class), labels, 443);
        if (base.isBlank()) {
            assertThat(https)
                    .as("%s: offline mode (LLM_BASE_URL empty), yet workers may reach the internet on 443", overlay)
                    .isFalse();
        } else {
            URI url = URI.create(base);
            int port = url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
            assertThat(internetEgress(r.all(NetworkPolicy.class), labels, port))
                    .as("%s: LLM_BASE_URL=%s but no NetworkPolicy lets workers out to port %d", overlay, base, port)
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod", "prod+llm"})
    void theStreamingPathsAreNeitherBufferedNorCutShortAndScanUploadsFit(String overlay) {
        Rendered r = render(overlay);
        String prefix = "nginx.ingress.kubernetes.io/";
        List<String> problems = new ArrayList<>();
        for (String uri : WorkersDeployment.STREAM_PATHS) {
            Optional<Ingress> found = ingressFor(r.all(Ingress.class), uri);
            if (found.isEmpty()) {
                problems.add(uri + ": no Ingress path serves it");
                continue;
            }
            Map<String, String> notes = Optional.ofNullable(
                            found.get().getMetadata().getAnnotations())
                    .orElse(Map.of());
            String at = uri + " (Ingress " + found.get().getMetadata().getName() + ")";
            if (!"off".equals(notes.get(prefix + "proxy-buffering")))
                problems.add(at + ": proxy-buffering is " + notes.get(prefix + "proxy-buffering") + ", not off");
            for (String timeout : List.of("proxy-read-timeout", "proxy-send-timeout")) {
                Duration value = WorkersDeployment.nginxTime(notes.getOrDefault(prefix + timeout, "60"));
                if (value.compareTo(WorkersDeployment.STREAM_READ_TIMEOUT) < 0)
                    problems.add(at + ": " + timeout + " " + value + " is below a stream's life ("
                            + WorkersDeployment.STREAM_READ_TIMEOUT + ")");
            }
        }
        Optional<Ingress> upload = ingressFor(r.all(Ingress.class), WorkersDeployment.UPLOAD_PATH);
        long limit = upload.map(i -> WorkersDeployment.nginxSize(
                        Optional.ofNullable(i.getMetadata().getAnnotations())
                                .orElse(Map.of())
                                .getOrDefault(prefix + "proxy-body-size", "1m")))
                .orElse(0L);
        if (limit <= WorkersDeployment.UPLOAD_BYTES)
            problems.add("POST " + WorkersDeployment.UPLOAD_PATH + ": body limit " + limit
                    + " bytes leaves no room for a 5 MiB image in multipart");
        assertThat(problems).as("%s: streaming Ingress", overlay).isEmpty();
    }

    /** The Ingress ingress-nginx picks for a path: an Exact match, else the longest Prefix match by path element. */
    private static Optional<Ingress> ingressFor(List<Ingress> ingresses, String uri) {
        Ingress best = null;
        int bestLength = -1;
        for (Ingress ing : ingresses) {
            for (IngressRule rule : ing.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    String p = path.getPath();
                    if ("Exact".equals(path.getPathType()) && p.equals(uri)) return Optional.of(ing);
                    String dir = p.endsWith("/") ? p : p + "/";
                    boolean prefix = "Prefix".equals(path.getPathType()) && (uri.equals(p) || uri.startsWith(dir));
                    if (prefix && p.length() > bestLength) {
                        best = ing;
                        bestLength = p.length();
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether the policies let traffic out of (Egress) or into (Ingress) pods {@code self} from/to pods {@code peer}. */
    private static boolean allows(
            List<NetworkPolicy> policies,
            String direction,
            Map<String, String> self,
            Map<String, String> peer,
            ContainerPort port) {
        for (NetworkPolicy np : policies) {
            var spec = np.getSpec();
            List<String> types = Optional.ofNullable(spec.getPolicyTypes()).orElse(List.of());
            if (!types.contains(direction) || !selectsPod(spec.getPodSelector(), self)) continue;
            if (direction.equals("Egress")) {
                for (var rule : Optional.ofNullable(spec.getEgress()).orElse(List.of())) {
                    if (peersInclude(rule.getTo(), peer) && portsInclude(rule.getPorts(), port)) return true;
                }
            } else {
                for (var rule : Optional.ofNullable(spec.getIngress()).orElse(List.of())) {
                    if (peersInclude(rule.getFrom(), peer) && portsInclude(rule.getPorts(), port)) return true;
                }
            }
        }
        return false;
    }

    /** Whether some policy lets pods {@code self} out to an address block (outside the cluster) on {@code port}. */
    private static boolean internetEgress(List<NetworkPolicy> policies, Map<String, String> self, int port) {
        ContainerPort wanted = new ContainerPort();
        wanted.setContainerPort(port);
        for (NetworkPolicy np : policies) {
            var spec = np.getSpec();
            List<String> types = Optional.ofNullable(spec.getPolicyTypes()).orElse(List.of());
            if (!types.contains("Egress") || !selectsPod(spec.getPodSelector(), self)) continue;
            for (var rule : Optional.ofNullable(spec.getEgress()).orElse(List.of())) {
                boolean anywhere = rule.getTo() == null
                        || rule.getTo().isEmpty()
                        || rule.getTo().stream().anyMatch(p -> p.getIpBlock() != null);
                if (anywhere && portsInclude(rule.getPorts(), wanted)) return true;
            }
        }
        return false;
    }

    private static boolean peersInclude(
            List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer> peers, Map<String, String> pod) {
        if (peers == null || peers.isEmpty()) return true;
        return peers.stream()
                .anyMatch(p -> p.getPodSelector() != null
                        && p.getNamespaceSelector() == null
                        && p.getIpBlock() == null
                        && selectsPod(p.getPodSelector(), pod));
    }

    private static boolean portsInclude(
            List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort> ports, ContainerPort port) {
        if (ports == null || ports.isEmpty()) return true;
        return ports.stream().anyMatch(p -> {
            if (p.getProtocol() != null && !"TCP".equals(p.getProtocol())) return false;
            IntOrString n = p.getPort();
            if (n == null) return true;
            if (n.getStrVal() != null) return n.getStrVal().equals(port.getName());
            int from = n.getIntVal();
            int to = p.getEndPort() != null ? p.getEndPort() : from;
            return port.getContainerPort() >= from && port.getContainerPort() <= to;
        });
    }

    /** A NetworkPolicy's pod selector: empty selects every pod. */
    private static boolean selectsPod(LabelSelector selector, Map<String, String> labels) {
        return selector == null || isEmpty(selector) || matches(selector, labels);
    }

    // ---- checks ----------------------------------------------------------------------------------------------------

    private static List<String> sandboxProblems(Workload w) {
        List<String> problems = new ArrayList<>();
        PodSecurityContext pod =
                Optional.ofNullable(w.pod().getSecurityContext()).orElse(new PodSecurityContext());
        for (Container c : w.allContainers()) {
            String at = w + " container " + c.getName();
            SecurityContext sc = Optional.ofNullable(c.getSecurityContext()).orElse(new SecurityContext());
            Boolean nonRoot = sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot() : pod.getRunAsNonRoot();
            Long uid = sc.getRunAsUser() != null ? sc.getRunAsUser() : pod.getRunAsUser();
            if (!Boolean.TRUE.equals(nonRoot)) problems.add(at + ": runAsNonRoot is not true");
            if (uid == null || uid == 0) problems.add(at + ": runAsUser must be a non-zero uid, is " + uid);
            if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem()))
                problems.add(at + ": root filesystem is writable");
            if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation()))
                problems.add(at + ": privilege escalation allowed");
            if (sc.getCapabilities() == null
                    || sc.getCapabilities().getDrop() == null
                    || !sc.getCapabilities().getDrop().contains("ALL")) {
                problems.add(at + ": capabilities are not dropped (drop: [ALL])");
            }
            ResourceRequirements res = c.getResources();
            for (String kind : List.of("requests", "limits")) {
                Map<String, Quantity> q =
                        res == null ? null : kind.equals("requests") ? res.getRequests() : res.getLimits();
                for (String resource : List.of("cpu", "memory")) {
                    if (q == null || q.get(resource) == null) problems.add(at + ": no " + resource + " " + kind);
                }
            }
            if (res != null && res.getRequests() != null && res.getLimits() != null) {
                for (String resource : List.of("cpu", "memory")) {
                    Quantity req = res.getRequests().get(resource);
                    Quantity lim = res.getLimits().get(resource);
                    if (req != null
                            && lim != null
                            && req.getNumericalAmount().compareTo(lim.getNumericalAmount()) > 0) {
                        problems.add(at + ": " + resource + " request " + req + " is above its limit " + lim);
                    }
                }
            }
        }
        return problems;
    }

    private static List<String> missingKey(
            String at, String var, String kind, Map<String, Set<String>> sources, String name, String key) {
        if (!sources.containsKey(name))
            return List.of(
                    at + ": " + var + " refers to " + kind + " " + name + ", which the overlay does not provide");
        if (!sources.get(name).contains(key))
            return List.of(at + ": " + var + " refers to key " + key + " of " + kind + " " + name + ", which has only "
                    + sources.get(name));
        return List.of();
    }

    private static Set<String> namedPorts(PodSpec pod) {
        Set<String> names = new HashSet<>();
        for (Container c : pod.getContainers()) {
            Optional.ofNullable(c.getPorts()).orElse(List.of()).stream()
                    .map(ContainerPort::getName)
                    .filter(n -> !blank(n))
                    .forEach(names::add);
        }
        return names;
    }

    /** A Service-style selector: every pair present in the labels (an empty selector selects nothing here). */
    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null
                && !selector.isEmpty()
                && labels != null
                && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    /** A full LabelSelector, with matchExpressions; empty or missing selects nothing here. */
    private static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null || isEmpty(selector) || labels == null) return false;
        Map<String, String> byLabel =
                Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of());
        if (!byLabel.isEmpty() && !selects(byLabel, labels)) return false;
        for (LabelSelectorRequirement req :
                Optional.ofNullable(selector.getMatchExpressions()).orElse(List.<LabelSelectorRequirement>of())) {
            String value = labels.get(req.getKey());
            List<String> values = Optional.ofNullable(req.getValues()).orElse(List.of());
            boolean ok = switch (req.getOperator()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) return false;
        }
        return true;
    }

    private static boolean isEmpty(LabelSelector selector) {
        return (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null
                        || selector.getMatchExpressions().isEmpty());
    }

    private static List<EnvVar> envList(Container c) {
        return Optional.ofNullable(c.getEnv()).orElse(List.of());
    }

    private static Set<String> keys(Map<String, String> data, Map<String, String> more) {
        Set<String> keys = new HashSet<>();
        if (data != null) keys.addAll(data.keySet());
        if (more != null) keys.addAll(more.keySet());
        return keys;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
        return map;
    }

    // ---- rendering -------------------------------------------------------------------------------------------------

    private static Rendered render(String overlay) {
        return new Rendered(RENDERED.computeIfAbsent(overlay, KubernetesManifestsTest::kustomize));
    }

    /**
     * {@code overlay} is a directory of k8s/overlays, or {@code overlay+component}: that overlay with a component of
     * k8s/components turned on, as an operator would by listing it in the overlay (same namespace; kustomize wants
     * relative paths, so the scratch kustomization sits inside the tree, under compose/target).
     */
    private static List<HasMetadata> kustomize(String overlay) {
        Path dir;
        if (overlay.contains("+")) {
            String[] parts = overlay.split("\\+", 2);
            Path root = repoRoot();
            assertThat(root.resolve("k8s/components").resolve(parts[1]).resolve("kustomization.yaml"))
                    .as("component %s", parts[1])
                    .exists();
            dir = root.resolve("compose/target/kustomize-" + parts[0] + "-" + parts[1]);
            try {
                Files.createDirectories(dir);
                Files.writeString(
                        dir.resolve("kustomization.yaml"),
                        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: eco2\nresources:\n  - "
                                + dir.relativize(root.resolve("k8s/overlays").resolve(parts[0]))
                                + "\ncomponents:\n  - "
                                + dir.relativize(root.resolve("k8s/components").resolve(parts[1])) + "\n");
            } catch (IOException e) {
                throw new AssertionError("could not write " + dir, e);
            }
        } else {
            dir = repoRoot().resolve("k8s/overlays").resolve(overlay);
        }
        assertThat(dir.resolve("kustomization.yaml")).as("overlay %s", overlay).exists();
        String kubectl = findKubectl();
        try {
            File stderr = File.createTempFile("kustomize", ".err");
            stderr.deleteOnExit();
            Process process = new ProcessBuilder(kubectl, "kustomize", dir.toString())
                    .redirectError(stderr)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish in 120 s");
            }
            String errors = Files.readString(stderr.toPath());
            if (process.exitValue() != 0) {
                throw new AssertionError(
                        "kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "):\n" + errors);
            }
            return parse(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("could not run " + kubectl + " kustomize " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** YAML documents to typed objects: known kinds to their fabric8 class, others to GenericKubernetesResource. */
    private static List<HasMetadata> parse(String yaml) throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || doc.isNull() || doc.isEmpty()) continue;
                // The model binds with Jackson 3; the YAML reader is Jackson 2's, so the documents cross as JSON text.
                KubernetesResource resource = JSON.readValue(doc.toString(), KubernetesResource.class);
                assertThat(resource)
                        .as("rendered document %s", doc.path("metadata").path("name"))
                        .isInstanceOf(HasMetadata.class);
                objects.add((HasMetadata) resource);
            }
        }
        assertThat(objects).as("rendered objects").isNotEmpty();
        return objects;
    }

    private static String findKubectl() {
        String configured = System.getenv("KUBECTL");
        if (!blank(configured)) return configured;
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator))
                .map(p -> Path.of(p, "kubectl"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst()
                .orElseThrow(() -> new AssertionError("kubectl is missing: this test renders k8s/overlays with "
                        + "`kubectl kustomize`. Install it (Debian package kubectl) or point KUBECTL at the binary."));
    }

    private static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("k8s/overlays"))) return p;
        }
        throw new AssertionError("no k8s/overlays above " + Path.of("").toAbsolutePath());
    }

    // ---- the rendered set ------------------------------------------------------------------------------------------

    private record Rendered(List<HasMetadata> objects) {
        <T extends HasMetadata> List<T> all(Class<T> type) {
            return objects.stream().filter(type::isInstance).map(type::cast).toList();
        }

        List<GenericKubernetesResource> generic(String kind) {
            return all(GenericKubernetesResource.class).stream()
                    .filter(g -> kind.equals(g.getKind()))
                    .toList();
        }

        Deployment deployment(String name) {
            return all(Deployment.class).stream()
                    .filter(d -> d.getMetadata().getName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no Deployment " + name));
        }

        /** A service's Deployment and its migration Job: the workloads that run with its configuration. */
        List<Workload> workloadsOf(String service) {
            List<Workload> list = workloads().stream()
                    .filter(w ->
                            w.name().equals("Deployment " + service) || w.name().equals("Job " + service + "-migrate"))
                    .toList();
            assertThat(list).as("%s's Deployment and migration Job", service).hasSize(2);
            return list;
        }

        /**
         * What a container's process sees: the envFrom ConfigMaps in order (later wins), then env (literal values;
         * Secret references as {@code <secret>}).
         */
        Map<String, String> environment(Container c) {
            Map<String, String> env = new LinkedHashMap<>();
            for (EnvFromSource from : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
                if (from.getConfigMapRef() == null) continue;
                all(ConfigMap.class).stream()
                        .filter(cm -> cm.getMetadata()
                                .getName()
                                .equals(from.getConfigMapRef().getName()))
                        .findFirst()
                        .map(ConfigMap::getData)
                        .ifPresent(env::putAll);
            }
            for (EnvVar e : envList(c)) env.put(e.getName(), e.getValue() != null ? e.getValue() : "<secret>");
            return env;
        }

        /** The Service an http(s) URL names (service, service.eco2, service.eco2.svc[.cluster.local]), if any. */
        Optional<String> serviceOf(String value) {
            if (!value.matches("https?://[^/]+(/.*)?")) return Optional.empty();
            String host = Optional.ofNullable(URI.create(value).getHost()).orElse("");
            if (!host.matches("[a-z0-9-]+(\\.eco2(\\.svc(\\.cluster\\.local)?)?)?")) return Optional.empty();
            String name = host.split("\\.")[0];
            return all(Service.class).stream()
                    .map(s -> s.getMetadata().getName())
                    .filter(name::equals)
                    .findFirst();
        }

        /** The container port behind a Service's port number (through its named targetPort). */
        Optional<ContainerPort> podPort(String service, int servicePort) {
            Service s = all(Service.class).stream()
                    .filter(x -> x.getMetadata().getName().equals(service))
                    .findFirst()
                    .orElseThrow();
            return s.getSpec().getPorts().stream()
                    .filter(p -> p.getPort() == servicePort && p.getTargetPort() != null)
                    .findFirst()
                    .flatMap(p -> deployment(service).getSpec().getTemplate().getSpec().getContainers().stream()
                            .flatMap(c -> Optional.ofNullable(c.getPorts()).orElse(List.of()).stream())
                            .filter(cp -> p.getTargetPort().getStrVal() != null
                                    ? p.getTargetPort().getStrVal().equals(cp.getName())
                                    : p.getTargetPort().getIntVal().equals(cp.getContainerPort()))
                            .findFirst());
        }

        List<Workload> workloads() {
            List<Workload> list = new ArrayList<>();
            all(Deployment.class)
                    .forEach(d -> list.add(new Workload(
                            "Deployment " + d.getMetadata().getName(),
                            d.getSpec().getTemplate().getSpec())));
            all(Job.class)
                    .forEach(j -> list.add(new Workload(
                            "Job " + j.getMetadata().getName(),
                            j.getSpec().getTemplate().getSpec())));
            assertThat(objects.stream().map(HasMetadata::getKind))
                    .as("workload kinds this test knows")
                    .doesNotContain("StatefulSet", "DaemonSet", "CronJob", "Pod");
            return list;
        }

        /** Secret name to keys: rendered Secrets (dev's secretGenerator) and ExternalSecret targets (prod). */
        @SuppressWarnings("unchecked")
        Map<String, Set<String>> secretKeys() {
            Map<String, Set<String>> secrets = new HashMap<>();
            for (Secret s : all(Secret.class)) {
                secrets.put(s.getMetadata().getName(), keys(s.getData(), s.getStringData()));
            }
            for (GenericKubernetesResource es : generic("ExternalSecret")) {
                Map<String, Object> spec =
                        (Map<String, Object>) es.getAdditionalProperties().get("spec");
                assertThat(spec)
                        .as("ExternalSecret %s spec", es.getMetadata().getName())
                        .isNotNull();
                assertThat(spec.get("dataFrom"))
                        .as(
                                "ExternalSecret %s uses dataFrom, whose keys cannot be checked",
                                es.getMetadata().getName())
                        .isNull();
                Map<String, Object> target = (Map<String, Object>) spec.getOrDefault("target", Map.of());
                String name =
                        (String) target.getOrDefault("name", es.getMetadata().getName());
                Set<String> keys = new HashSet<>();
                for (Map<String, Object> item : (List<Map<String, Object>>) spec.getOrDefault("data", List.of())) {
                    keys.add((String) item.get("secretKey"));
                }
                secrets.put(name, keys);
            }
            return secrets;
        }
    }

    private record Workload(String name, PodSpec pod) {
        List<Container> containers() {
            return pod.getContainers();
        }

        List<Container> allContainers() {
            List<Container> all = new ArrayList<>(pod.getContainers());
            if (pod.getInitContainers() != null) all.addAll(pod.getInitContainers());
            return all;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
