package dev.nca.runtime.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nca.api.NcaException;
import dev.nca.support.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Slurm job arrays submitted for a sweep, recorded in {@code SWEEP/slurm/jobs.json}: for each,
 * the job id and the point of every array index.
 */
final class SlurmJobs {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One submitted array: {@code points.get(i)} runs as array task i. */
    record Job(String id, List<String> points) {
    }

    private SlurmJobs() {
    }

    static Path file(SweepFolder folder) {
        return folder.root().resolve("slurm").resolve("jobs.json");
    }

    static List<Job> read(SweepFolder folder) {
        Path file = file(folder);
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Map<String, Object>> raw = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8),
                    new TypeReference<List<Map<String, Object>>>() { });
            List<Job> jobs = new ArrayList<>();
            for (Map<String, Object> j : raw) {
                @SuppressWarnings("unchecked")
                List<String> points = (List<String>) j.get("points");
                jobs.add(new Job(String.valueOf(j.get("job")), points));
            }
            return jobs;
        } catch (IOException e) {
            throw new NcaException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static void append(SweepFolder folder, Job job) {
        List<Map<String, Object>> raw = new ArrayList<>();
        for (Job j : read(folder)) {
            raw.add(entry(j));
        }
        raw.add(entry(job));
        try {
            AtomicFiles.writeString(file(folder), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(raw));
        } catch (IOException e) {
            throw new NcaException("cannot write " + file(folder) + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> entry(Job job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", job.id());
        m.put("points", job.points());
        return m;
    }
}
