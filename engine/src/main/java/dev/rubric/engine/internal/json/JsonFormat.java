package dev.rubric.engine.internal.json;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Manifest;
import dev.rubric.api.ResultFormat;

import java.io.OutputStream;

/** {@link ResultFormat#json()}: the JSON of contract §6, written by {@link ResultJson}. */
public final class JsonFormat implements ResultFormat {

    /** The format {@link java.util.ServiceLoader} makes. */
    public JsonFormat() {
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    public void write(CohortResult result, Manifest manifest, OutputStream out) {
        ResultJson.write(result, out);
    }
}
