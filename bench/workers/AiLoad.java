import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load clients for the scan and chat benchmarks (JDK 17 source launcher, no dependencies, non-blocking
 * java.net.http so the client costs little CPU next to the server on the same cores).
 *
 * <pre>
 * java AiLoad.java seed  BASE USERS PREFIX PASSWORD TOKENS_FILE
 * java AiLoad.java scan  BASE TOKENS_FILE LABEL image|text RATE SECONDS [PID]
 * java AiLoad.java chat  BASE TOKENS_FILE LABEL STREAMS SECONDS TOKENS RATE [PID]
 * java AiLoad.java chat-whole BASE TOKENS_FILE LABEL CONCURRENCY SECONDS [PID]
 * </pre>
 * Each measuring command prints one line per second and a final {@code BENCH_RESULT ...} line.
 */
public final class AiLoad {
    static final long T0 = System.nanoTime();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "seed" -> seed(args[1], Integer.parseInt(args[2]), args[3], args[4], Path.of(args[5]));
            case "scan" -> new Scan(args).run();
            case "chat" -> new Chat(args).run();
            case "chat-whole" -> new ChatWhole(args).run();
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
        System.exit(0);
    }

    static double sec() {
        return (System.nanoTime() - T0) / 1e9;
    }

    static void log(String s) {
        System.err.printf("[load %7.1fs] %s%n", sec(), s);
    }

    // ---------------------------------------------------------------------------------------------------------
    // seeding: register (409 = exists) and sign in, 8 at a time (each costs an argon2 hash on the server)

    static void seed(String base, int users, String prefix, String password, Path out) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String[] tokens = new String[users];
        Semaphore parallel = new Semaphore(8);
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>();
        Pattern access = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
        for (int i = 1; i <= users; i++) {
            int n = i;
            parallel.acquire();
            String name = String.format("%s%05d", prefix, n);
            String ip = "10." + (n / 65536 % 256) + "." + (n / 256 % 256) + "." + (n % 256);
            HttpRequest register = post(base + "/api/v1/auth/register", null, String.format(
                    "{\"email\":\"%s@bench.eco2.test\",\"username\":\"%s\",\"password\":\"%s\"}", name, name, password));
            HttpRequest login = HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", ip)
                    .POST(HttpRequest.BodyPublishers.ofString(String.format(
                            "{\"email\":\"%s@bench.eco2.test\",\"password\":\"%s\"}", name, password)))
                    .build();
            all.add(http.sendAsync(register, HttpResponse.BodyHandlers.ofString())
                    .thenCompose(r -> {
                        if (r.statusCode() != 201 && r.statusCode() != 409) {
                            throw new IllegalStateException("register " + name + ": " + r.statusCode() + " " + r.body());
                        }
                        return http.sendAsync(login, HttpResponse.BodyHandlers.ofString());
                    })
                    .thenAccept(r -> {
                        Matcher m = access.matcher(r.body());
                        if (r.statusCode() != 200 || !m.find()) {
                            throw new IllegalStateException("login " + name + ": " + r.statusCode() + " " + r.body());
                        }
                        tokens[n - 1] = m.group(1);
                    })
                    .whenComplete((v, e) -> {
                        if (e != null && failed.incrementAndGet() <= 5) log("seed error: " + e.getMessage());
                        parallel.release();
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        if (failed.get() > 0) throw new IllegalStateException(failed.get() + " users could not be seeded");
        Files.writeString(out, String.join("\n", tokens) + "\n");
    }

    static HttpRequest post(String url, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b.build();
    }

    static String[] tokens(String file) throws IOException {
        return Files.readAllLines(Path.of(file)).stream().filter(s -> !s.isBlank()).toArray(String[]::new);
    }

    // ---------------------------------------------------------------------------------------------------------
    // the server's own figures, sampled once a second: live threads, heap, CPU (from /metrics) and RSS (/proc)

    static final class Sampler {
        final String base;
        final long pid;
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        volatile long threads, heap, rss, cpuNs;
        long maxThreads, maxHeap, maxRss;
        /** The most requests seen waiting for a connection, per Hikari pool (the scan and chat schemas'). */
        final Map<String, Long> maxPending = new java.util.TreeMap<>();
        long machineBusy0, machineTotal0;

        Sampler(String base, long pid) {
            this.base = base;
            this.pid = pid;
        }

        void sample() {
            try {
                String m = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                long h = 0;
                for (String line : m.split("\n")) {
                    if (line.startsWith("jvm_threads_live_threads ")) threads = (long) num(line);
                    else if (line.startsWith("jvm_memory_used_bytes{area=\"heap\"")) h += (long) num(line);
                    else if (line.startsWith("process_cpu_time_ns_total ")) cpuNs = (long) num(line);
                    else if (line.startsWith("hikaricp_connections_pending{")) {
                        Matcher pool = Pattern.compile("pool=\"([a-z_]+)\"").matcher(line);
                        if (pool.find()) maxPending.merge(pool.group(1), (long) num(line), Math::max);
                    }
                }
                heap = h;
            } catch (Exception e) {
                // keep the last figures
            }
            if (pid > 0) {
                try {
                    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                        if (line.startsWith("VmRSS:")) rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                        if (line.startsWith("Threads:")) threads = Math.max(threads, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                } catch (Exception e) {
                    // no such process
                }
            }
            maxThreads = Math.max(maxThreads, threads);
            maxHeap = Math.max(maxHeap, heap);
            maxRss = Math.max(maxRss, rss);
        }

        static double num(String line) {
            return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }

        /** Busy and total jiffies of the whole machine, from /proc/stat. */
        static long[] machine() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < f.length; i++) total += Long.parseLong(f[i]);
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                return new long[] {total - idle, total};
            } catch (Exception e) {
                return new long[] {0, 1};
            }
        }

        String line() {
            return String.format("threads=%d heap=%dMiB rss=%dMiB", threads, heap >> 20, rss >> 20);
        }

        /** e.g. "scan:12,chat:0": the pools whose callers had to wait, with the most waiting at once. */
        String pending() {
            StringBuilder b = new StringBuilder();
            maxPending.forEach((pool, n) -> {
                if (n > 0) b.append(b.length() == 0 ? "" : ",").append(pool).append(':').append(n);
            });
            return b.length() == 0 ? "none" : b.toString();
        }
    }

    /** A latency recorder: every sample kept (a run has at most a few hundred thousand). */
    static final class Latencies {
        private long[] values = new long[1 << 16];
        private int n;

        synchronized void add(long micros) {
            if (n == values.length) values = Arrays.copyOf(values, n * 2);
            values[n++] = micros;
        }

        synchronized double pct(double p) {
            if (n == 0) return 0;
            long[] sorted = Arrays.copyOf(values, n);
            Arrays.sort(sorted);
            return sorted[Math.min(n - 1, (int) Math.ceil(p / 100.0 * n) - 1)] / 1000.0;
        }

        synchronized int count() {
            return n;
        }
    }

    /** Lines of a streamed response body, one at a time. */
    static final class Lines implements Flow.Subscriber<String> {
        final java.util.function.Consumer<String> onLine;
        final Runnable onEnd;

        Lines(java.util.function.Consumer<String> onLine, Runnable onEnd) {
            this.onLine = onLine;
            this.onEnd = onEnd;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            onLine.accept(line);
        }

        @Override
        public void onError(Throwable t) {
            onEnd.run();
        }

        @Override
        public void onComplete() {
            onEnd.run();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // scan: submissions at a fixed offered rate, each followed to its result over the task's SSE stream

    static final class Scan {
        final String base, label, kind;
        final String[] tokens;
        final double rate;
        final int seconds;
        final Sampler sampler;
        final ExecutorService pool = Executors.newFixedThreadPool(2);
        final HttpClient http;
        final Latencies latency = new Latencies();
        final AtomicLong submitted = new AtomicLong(), accepted = new AtomicLong(), done = new AtomicLong();
        final AtomicLong failed = new AtomicLong(), rejected = new AtomicLong();
        final LongAdder doneInWindow = new LongAdder();
        final Map<String, AtomicInteger> reasons = new ConcurrentHashMap<>();
        final byte[] png = png();
        static final String[] PHRASES = {"페트병", "유리병", "알루미늄 캔", "우유팩", "종이컵", "택배 상자", "깨진 유리", "건전지"};
        static final Pattern TASK = Pattern.compile("\"task_id\"\\s*:\\s*\"([^\"]+)\"");
        static final Pattern STREAM = Pattern.compile("\"stream_url\"\\s*:\\s*\"([^\"]+)\"");
        static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z]+)\"");
        static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([a-z_]+)\"");
        double windowStart, windowEnd;

        Scan(String[] a) throws IOException {
            base = a[1];
            tokens = tokens(a[2]);
            label = a[3];
            kind = a[4];
            rate = Double.parseDouble(a[5]);
            seconds = Integer.parseInt(a[6]);
            sampler = new Sampler(base, a.length > 7 ? Long.parseLong(a[7]) : 0);
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool).build();
        }

        static byte[] png() {
            BufferedImage img = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 96; y++) for (int x = 0; x < 96; x++) img.setRGB(x, y, (x * 2) << 16 | (y * 2) << 8 | 128);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                javax.imageio.ImageIO.write(img, "png", out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return out.toByteArray();
        }

        void reason(String r) {
            reasons.computeIfAbsent(r, k -> new AtomicInteger()).incrementAndGet();
        }

        HttpRequest request(long n) {
            String token = tokens[(int) (n % tokens.length)];
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/v1/scan"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Idempotency-Key", UUID.randomUUID().toString());
            if (kind.equals("image")) {
                String boundary = "bench" + Long.toHexString(n) + "x";
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"scan.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n";
                String tail = "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"region\"\r\n\r\n서울\r\n--"
                        + boundary + "--\r\n";
                body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
                body.writeBytes(png);
                body.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
                b.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
            } else {
                b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"text\":\"" + PHRASES[(int) (n % PHRASES.length)] + "\",\"region\":\"서울\"}"));
            }
            return b.build();
        }

        void submit(long n, long intended) {
            String token = tokens[(int) (n % tokens.length)];
            submitted.incrementAndGet();
            http.sendAsync(request(n), HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                if (e != null || r.statusCode() != 202) {
                    rejected.incrementAndGet();
                    reason(e != null ? "submit " + e.getClass().getSimpleName() : "submit HTTP " + r.statusCode());
                    return;
                }
                accepted.incrementAndGet();
                Matcher task = TASK.matcher(r.body()), stream = STREAM.matcher(r.body());
                if (!task.find() || !stream.find()) {
                    failed.incrementAndGet();
                    reason("submit: no task_id/stream_url");
                    return;
                }
                follow(task.group(1), stream.group(1), token, intended, 0);
            });
        }

        /** Reads the task's event stream until its result event. */
        void follow(String taskId, String streamUrl, String token, long intended, int attempt) {
            String[] event = {null};
            boolean[] ended = {false};
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + streamUrl))
                    .timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream")
                    .build();
            Runnable end = () -> {
                synchronized (ended) {
                    if (ended[0]) return;
                    ended[0] = true;
                }
                // the stream ended without a result: ask again (a reconnect gets the result at once if it ended)
                if (attempt < 5) follow(taskId, streamUrl, token, intended, attempt + 1);
                else {
                    failed.incrementAndGet();
                    reason("stream ended without a result");
                }
            };
            http.sendAsync(req, HttpResponse.BodyHandlers.fromLineSubscriber(new Lines(line -> {
                        if (line.startsWith("event:")) event[0] = line.substring(6).trim();
                        else if (line.startsWith("data:") && "result".equals(event[0])) {
                            synchronized (ended) {
                                if (ended[0]) return;
                                ended[0] = true;
                            }
                            Matcher s = STATUS.matcher(line);
                            String status = s.find() ? s.group(1) : "?";
                            if (status.equals("done")) {
                                long now = System.nanoTime();
                                latency.add((now - intended) / 1000);
                                done.incrementAndGet();
                                double t = (now - T0) / 1e9;
                                if (t >= windowStart && t < windowEnd) doneInWindow.increment();
                            } else {
                                failed.incrementAndGet();
                                Matcher c = CODE.matcher(line);
                                reason("task " + status + (c.find() ? " " + c.group(1) : ""));
                            }
                        }
                    }, end)))
                    .whenComplete((r, e) -> {
                        if (e != null) end.run();
                        else if (r.statusCode() != 200) {
                            synchronized (ended) {
                                if (ended[0]) return;
                                ended[0] = true;
                            }
                            failed.incrementAndGet();
                            reason("events HTTP " + r.statusCode());
                        }
                    });
        }

        void run() throws Exception {
            double start = sec();
            // the first 8 s fill the pipeline (submit-to-done is ~2 provider calls); the rate is counted after it
            windowStart = start + Math.min(8, seconds / 3.0);
            windowEnd = start + seconds;
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            long startNs = System.nanoTime();
            AtomicLong n = new AtomicLong();
            ticker.scheduleAtFixedRate(() -> {
                long now = System.nanoTime();
                double elapsed = (now - startNs) / 1e9;
                if (elapsed > seconds) return;
                long due = (long) (elapsed * rate);
                while (n.get() < due) {
                    long i = n.getAndIncrement();
                    submit(i, startNs + (long) (i / rate * 1e9)); // latency from the intended send time
                }
            }, 0, 5, TimeUnit.MILLISECONDS);
            long[] m0 = Sampler.machine();
            sampler.sample();
            long cpu0 = sampler.cpuNs;
            long lastDone = 0;
            int maxInFlight = 0;
            long[] cpuWin = new long[2];
            long[] machWin = new long[4];
            double deadline = start + seconds + 60;
            double lastT = start;
            while (true) {
                Thread.sleep(1000);
                sampler.sample();
                long d = done.get();
                long inFlight = accepted.get() - d - failed.get();
                maxInFlight = (int) Math.max(maxInFlight, inFlight);
                double now = sec();
                System.out.printf("%s t=%5.1fs submitted=%d done/s=%.0f done=%d failed=%d rejected=%d in_flight=%d %s%n",
                        label, now - start, submitted.get(), (d - lastDone) / (now - lastT), d, failed.get(), rejected.get(),
                        inFlight, sampler.line());
                lastDone = d;
                lastT = now;
                if (cpuWin[0] == 0 && now >= windowStart) {
                    cpuWin[0] = sampler.cpuNs;
                    long[] m = Sampler.machine();
                    machWin[0] = m[0];
                    machWin[1] = m[1];
                }
                if (cpuWin[1] == 0 && now >= windowEnd) {
                    cpuWin[1] = sampler.cpuNs;
                    long[] m = Sampler.machine();
                    machWin[2] = m[0];
                    machWin[3] = m[1];
                }
                if (now > start + seconds && inFlight <= 0 && submitted.get() == accepted.get() + rejected.get()) break;
                if (now > deadline) {
                    log("giving up on " + inFlight + " tasks still in flight");
                    break;
                }
            }
            ticker.shutdownNow();
            double window = windowEnd - windowStart;
            double rateDone = doneInWindow.sum() / window;
            // CPU from the first submission until the last task ended, per task ended: a backlog cannot hide in it
            long ended = done.get() + failed.get();
            double cpuMsPerScan = ended == 0 ? 0 : (sampler.cpuNs - cpu0) / 1e6 / ended;
            double machineBusy = (double) (machWin[2] - machWin[0]) / Math.max(1, machWin[3] - machWin[1]);
            long inFlightEnd = accepted.get() - done.get() - failed.get();
            System.out.printf(
                    "BENCH_RESULT scenario=%s offered_per_s=%.1f done_per_s=%.2f p50_ms=%.1f p99_ms=%.1f submitted=%d done=%d failed=%d "
                            + "rejected=%d in_flight_end=%d in_flight_max=%d threads_max=%d heap_max_mib=%d rss_max_mib=%d "
                            + "server_cpu_ms_per_scan=%.2f server_cpu_cores=%.2f machine_busy=%.0f%% db_pending_max=%s%n",
                    label, rate, rateDone, latency.pct(50), latency.pct(99), submitted.get(), done.get(), failed.get(),
                    rejected.get(), inFlightEnd, maxInFlight, sampler.maxThreads, sampler.maxHeap >> 20, sampler.maxRss >> 20,
                    cpuMsPerScan, (cpuWin[1] - cpuWin[0]) / 1e9 / window, machineBusy * 100, sampler.pending());
            if (!reasons.isEmpty()) System.out.println("# " + label + " failures: " + reasons);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // chat: STREAMS loops, each holding one streaming completion open at a time and starting the next when it ends

    static final class Chat {
        final String base, label;
        final String[] tokens;
        final int streams, seconds, tokensPerAnswer;
        final double tokenRate;
        final Sampler sampler;
        final ExecutorService pool = Executors.newFixedThreadPool(2);
        final HttpClient http;
        final Latencies ttfc = new Latencies(), gap = new Latencies();
        final AtomicLong started = new AtomicLong(), completed = new AtomicLong(), failed = new AtomicLong();
        final LongAdder chunks = new LongAdder();
        final AtomicInteger open = new AtomicInteger();
        final Map<String, AtomicInteger> reasons = new ConcurrentHashMap<>();
        volatile boolean stopping;
        volatile boolean measuring;
        static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"([^\"]{0,80})");
        static final String[] QUESTIONS = {"페트병은 어떻게 버려?", "깨진 유리는 어떻게 버려요?", "우유팩 분리배출 방법 알려줘",
            "알루미늄 캔은 어디에 버려?", "스티로폼 버리는 법", "건전지는 어떻게 버려?"};

        Chat(String[] a) throws IOException {
            base = a[1];
            tokens = tokens(a[2]);
            label = a[3];
            streams = Integer.parseInt(a[4]);
            seconds = Integer.parseInt(a[5]);
            tokensPerAnswer = Integer.parseInt(a[6]);
            tokenRate = Double.parseDouble(a[7]);
            sampler = new Sampler(base, a.length > 8 ? Long.parseLong(a[8]) : 0);
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool)
                    .connectTimeout(Duration.ofSeconds(30)).build();
        }

        void reason(String r) {
            reasons.computeIfAbsent(r, k -> new AtomicInteger()).incrementAndGet();
        }

        void loop(int i, long n) {
            if (stopping) return;
            String token = tokens[i % tokens.length];
            String body = "{\"model\":\"eco2\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\""
                    + QUESTIONS[(int) ((i + n) % QUESTIONS.length)] + "\"}]}";
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/chat/completions"))
                    .timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            long sent = System.nanoTime();
            boolean counted = measuring;
            started.incrementAndGet();
            open.incrementAndGet();
            long[] last = {0};
            int[] seen = {0};
            boolean[] doneSeen = {false}, errorSeen = {false}, finished = {false};
            long interval = (long) (1e9 / tokenRate);
            Runnable end = () -> {
                synchronized (finished) {
                    if (finished[0]) return;
                    finished[0] = true;
                }
                open.decrementAndGet();
                if (doneSeen[0] && !errorSeen[0]) {
                    if (counted) completed.incrementAndGet();
                } else {
                    if (counted) {
                        failed.incrementAndGet();
                        if (!errorSeen[0]) reason("stream ended without [DONE]");
                    }
                }
                loop(i, n + 1);
            };
            http.sendAsync(req, info -> {
                        if (info.statusCode() != 200) {
                            if (counted) {
                                failed.incrementAndGet();
                                reason("HTTP " + info.statusCode());
                            }
                            synchronized (finished) {
                                finished[0] = true;
                            }
                            open.decrementAndGet();
                            // back off a little, as a client would after a refusal
                            CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(() -> loop(i, n + 1));
                            return HttpResponse.BodySubscribers.discarding();
                        }
                        return HttpResponse.BodySubscribers.fromLineSubscriber(new Lines(line -> {
                            if (!line.startsWith("data:")) return;
                            long now = System.nanoTime();
                            if (line.contains("[DONE]")) {
                                doneSeen[0] = true;
                                return;
                            }
                            if (line.contains("\"error\"")) {
                                errorSeen[0] = true;
                                Matcher m = MESSAGE.matcher(line);
                                if (counted) reason("error chunk: " + (m.find() ? m.group(1) : line));
                                return;
                            }
                            if (!line.contains("\"content\"")) return; // role-only or the final chunk
                            if (measuring) chunks.increment();
                            if (seen[0] == 0) {
                                if (counted) ttfc.add((now - sent) / 1000);
                            } else if (counted) {
                                // how much later than the fake's own interval this chunk came
                                gap.add(Math.max(0, (now - last[0] - interval) / 1000));
                            }
                            seen[0]++;
                            last[0] = now;
                        }, end));
                    })
                    .whenComplete((r, e) -> {
                        if (e != null) {
                            synchronized (finished) {
                                if (finished[0]) return;
                                finished[0] = true;
                            }
                            open.decrementAndGet();
                            if (counted) {
                                failed.incrementAndGet();
                                reason(e.getClass().getSimpleName() + ": " + e.getMessage());
                            }
                            CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(() -> loop(i, n + 1));
                        }
                    });
        }

        void run() throws Exception {
            // ramp up over 2 s (or 1 s per 1,000 streams), then measure
            double ramp = Math.max(2, streams / 1000.0 * 2);
            for (int i = 0; i < streams; i++) {
                int k = i;
                CompletableFuture.delayedExecutor((long) (ramp * 1000 * i / streams), TimeUnit.MILLISECONDS)
                        .execute(() -> loop(k, 0));
            }
            Thread.sleep((long) (ramp * 1000) + 1000);
            measuring = true;
            long[] m0 = Sampler.machine();
            sampler.sample();
            long cpu0 = sampler.cpuNs;
            double start = sec();
            long lastChunks = 0;
            int minOpen = Integer.MAX_VALUE;
            double lastT = start;
            while (sec() - start < seconds) {
                Thread.sleep(1000);
                sampler.sample();
                long c = chunks.sum();
                minOpen = Math.min(minOpen, open.get());
                double now = sec();
                System.out.printf("%s t=%5.1fs open=%d chunks/s=%.0f completed=%d failed=%d %s%n", label, now - start,
                        open.get(), (c - lastChunks) / (now - lastT), completed.get(), failed.get(), sampler.line());
                lastChunks = c;
                lastT = now;
            }
            measuring = false;
            double window = sec() - start;
            long total = chunks.sum();
            long cpu1 = sampler.cpuNs;
            long[] m1 = Sampler.machine();
            stopping = true;
            // let the streams in progress finish (they are counted too)
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos((long) (tokensPerAnswer / tokenRate) + 30);
            while (open.get() > 0 && System.nanoTime() < until) Thread.sleep(200);
            System.out.printf(
                    "BENCH_RESULT scenario=%s streams=%d tokens=%d token_rate=%.0f completed=%d failed=%d still_open=%d "
                            + "chunks_per_s=%.0f ttfc_p50_ms=%.1f ttfc_p99_ms=%.1f gap_p50_ms=%.1f gap_p99_ms=%.1f "
                            + "min_open=%d threads_max=%d heap_max_mib=%d rss_max_mib=%d server_cpu_us_per_chunk=%.1f "
                            + "server_cpu_cores=%.2f machine_busy=%.0f%% db_pending_max=%s%n",
                    label, streams, tokensPerAnswer, tokenRate, completed.get(), failed.get(), open.get(), total / window,
                    ttfc.pct(50), ttfc.pct(99), gap.pct(50), gap.pct(99), minOpen, sampler.maxThreads,
                    sampler.maxHeap >> 20, sampler.maxRss >> 20, total == 0 ? 0 : (cpu1 - cpu0) / 1e3 / total,
                    (cpu1 - cpu0) / 1e9 / window, 100.0 * (m1[0] - m0[0]) / Math.max(1, m1[1] - m0[1]), sampler.pending());
            if (!reasons.isEmpty()) System.out.println("# " + label + " failures: " + reasons);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // offline chat: CONCURRENCY loops of non-streaming completions, as fast as they are answered

    static final class ChatWhole {
        final String base, label;
        final String[] tokens;
        final int concurrency, seconds;
        final Sampler sampler;
        final HttpClient http;
        final Latencies latency = new Latencies();
        final AtomicLong ok = new AtomicLong(), failed = new AtomicLong();
        final Map<String, AtomicInteger> reasons = new ConcurrentHashMap<>();
        volatile boolean measuring, stopping;

        ChatWhole(String[] a) throws IOException {
            base = a[1];
            tokens = tokens(a[2]);
            label = a[3];
            concurrency = Integer.parseInt(a[4]);
            seconds = Integer.parseInt(a[5]);
            sampler = new Sampler(base, a.length > 6 ? Long.parseLong(a[6]) : 0);
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(2)).build();
        }

        void loop(int i, long n) {
            if (stopping) return;
            String body = "{\"messages\":[{\"role\":\"user\",\"content\":\""
                    + Chat.QUESTIONS[(int) ((i + n) % Chat.QUESTIONS.length)] + "\"}]}";
            long sent = System.nanoTime();
            boolean counted = measuring;
            http.sendAsync(post(base + "/api/v1/chat/completions", tokens[(int) ((i * 7919L + n) % tokens.length)], body),
                            HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> {
                        if (counted) {
                            if (e == null && r.statusCode() == 200 && r.body().contains("\"chat.completion\"")) {
                                ok.incrementAndGet();
                                latency.add((System.nanoTime() - sent) / 1000);
                            } else {
                                failed.incrementAndGet();
                                reasons.computeIfAbsent(e != null ? e.getClass().getSimpleName() : "HTTP " + r.statusCode(),
                                        k -> new AtomicInteger()).incrementAndGet();
                            }
                        }
                        loop(i, n + 1);
                    });
        }

        void run() throws Exception {
            for (int i = 0; i < concurrency; i++) loop(i, 0);
            Thread.sleep(3000);
            measuring = true;
            sampler.sample();
            long cpu0 = sampler.cpuNs;
            double start = sec();
            long last = 0;
            double lastT = start;
            while (sec() - start < seconds) {
                Thread.sleep(1000);
                sampler.sample();
                double now = sec();
                System.out.printf("%s t=%5.1fs answers/s=%.0f failed=%d %s%n", label, now - start,
                        (ok.get() - last) / (now - lastT), failed.get(), sampler.line());
                last = ok.get();
                lastT = now;
            }
            measuring = false;
            double window = sec() - start;
            long cpu1 = sampler.cpuNs;
            stopping = true;
            long n = ok.get();
            System.out.printf(
                    "BENCH_RESULT scenario=%s concurrency=%d rps=%.2f p50_ms=%.1f p99_ms=%.1f answers=%d failed=%d "
                            + "threads_max=%d heap_max_mib=%d rss_max_mib=%d server_cpu_ms_per_answer=%.2f%n",
                    label, concurrency, n / window, latency.pct(50), latency.pct(99), n, failed.get(), sampler.maxThreads,
                    sampler.maxHeap >> 20, sampler.maxRss >> 20, n == 0 ? 0 : (cpu1 - cpu0) / 1e6 / n);
            if (!reasons.isEmpty()) System.out.println("# " + label + " failures: " + reasons);
            Thread.sleep(2000);
        }
    }
}
