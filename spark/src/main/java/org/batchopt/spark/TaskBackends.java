package org.batchopt.spark;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.batchopt.Backend;
import org.batchopt.Backends;

/**
 * The backends of the tasks of one executor JVM: a task borrows the ones its resources name (a CUDA device per GPU
 * address Spark gave it, or the CPU with the task's cores) and gives them back when it ends, so that later tasks
 * reuse the devices' built programs. A backend serves one task at a time: tasks that share a GPU (a fractional
 * {@code spark.task.resource.gpu.amount}) each get their own, with its own CUDA context and stream. They stay open
 * until the JVM exits.
 */
final class TaskBackends {
    private static final Map<String, Deque<Backend>> IDLE = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> IDLE.values().forEach(d -> d.forEach(Backend::close)),
                "batchopt-spark-backends-close"));
    }

    private TaskBackends() {
    }

    /**
     * The backend names for a task: with {@code auto}, {@code cuda:A} for every GPU address Spark assigned to the
     * task, else {@code cpu:T} for its cores; {@code cpu} the CPU with the task's cores; {@code cuda} the assigned
     * GPUs, which must exist; any other name ({@code opencl:0:1}) as it is.
     *
     * @throws IllegalArgumentException when {@code cuda} is asked for and Spark assigned no GPU
     */
    static List<String> specs(String backend, TaskContext task) {
        ResourceInformation gpu = task == null ? null : task.resourcesJMap().get("gpu");
        String[] gpus = gpu == null ? new String[0] : gpu.addresses();
        int cpus = task == null ? 1 : Math.max(1, task.cpus());
        List<String> out = new ArrayList<>();
        switch (backend) {
            case "auto", "cuda" -> {
                for (String a : gpus) {
                    out.add("cuda:" + a.trim());
                }
                if (out.isEmpty() && backend.equals("cuda")) {
                    throw new IllegalArgumentException("backend cuda: Spark assigned this task no GPU (set "
                            + "spark.task.resource.gpu.amount and the executors' GPU discovery script; local mode "
                            + "assigns none)");
                }
                if (out.isEmpty()) {
                    out.add("cpu:" + cpus);
                }
            }
            case "cpu" -> out.add("cpu:" + cpus);
            default -> out.add(backend);
        }
        return out;
    }

    /** Opens, or takes an idle one of, each named backend. */
    static List<Backend> borrow(List<String> specs) {
        List<Backend> out = new ArrayList<>();
        try {
            for (String s : specs) {
                Backend b = IDLE.computeIfAbsent(s, k -> new ConcurrentLinkedDeque<>()).pollFirst();
                out.add(b != null ? b : open(s));
            }
        } catch (RuntimeException e) {
            giveBack(specs.subList(0, out.size()), out);
            throw e;
        }
        return out;
    }

    static void giveBack(List<String> specs, List<Backend> backends) {
        for (int k = 0; k < backends.size(); k++) {
            IDLE.get(specs.get(k)).addFirst(backends.get(k));
        }
    }

    private static Backend open(String spec) {
        if (spec.startsWith("cpu:")) {
            return Backends.cpu(Integer.parseInt(spec.substring(4)));
        }
        return Backends.open(spec);
    }
}
