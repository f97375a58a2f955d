package org.example.service;

import dev.rubric.api.CohortResult;
import dev.rubric.api.EvaluationException;
import dev.rubric.api.InvalidFactsException;
import dev.rubric.api.Problem;
import dev.rubric.api.ResultFormat;
import dev.rubric.api.Rubric;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * {@code POST /evaluate}: facts JSON in (one subject, or an array of them scored together as a cohort), the result
 * JSON of the library out. Problems are answered with the library's own messages: a body that is not JSON is a bad
 * request (400); facts the rubric cannot use (an unknown type or property, a value of the wrong type, each named by
 * its JSON pointer) and rules that fail on them are unprocessable (422).
 */
@RestController
public class EvaluateController {

    private final CurrentRubric rubric;

    /**
     * @param rubric the rubric being served
     */
    public EvaluateController(CurrentRubric rubric) {
        this.rubric = rubric;
    }

    /**
     * Scores the posted facts with the version of the rubric served when the request came in.
     *
     * @param body facts JSON (contract §5 and §8): one subject, a cohort, or {@code {"period": …, "subjects": […]}}
     * @return the result JSON (contract §6)
     */
    @PostMapping(path = "/evaluate", produces = MediaType.APPLICATION_JSON_VALUE)
    public String evaluate(@RequestBody byte[] body) {
        Rubric version = rubric.get().rubric(); // one version for the whole request
        CohortResult result = version.evaluate(version.readFacts(new ByteArrayInputStream(body), "request"));
        return ResultFormat.json().render(result, version.manifest());
    }

    /**
     * The rubric being served.
     *
     * @return its id, version and content digest
     */
    @GetMapping(path = "/rubric", produces = MediaType.APPLICATION_JSON_VALUE)
    public dev.rubric.api.RubricInfo info() {
        return rubric.get().rubric().info();
    }

    @ExceptionHandler(InvalidFactsException.class)
    ResponseEntity<ErrorBody> invalidFacts(InvalidFactsException e) {
        // a problem with a JSON pointer is a fact the rubric cannot use; one without is a body that is not JSON at all
        boolean malformed = e.problems().stream().anyMatch(p -> p.pointer() == null);
        return ResponseEntity.status(malformed ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT)
                .contentType(MediaType.APPLICATION_JSON).body(ErrorBody.of(e.getMessage(), e.problems()));
    }

    @ExceptionHandler(EvaluationException.class)
    ResponseEntity<ErrorBody> evaluationFailed(EvaluationException e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBody.of(e.getMessage(), List.of()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ErrorBody> misuse(IllegalArgumentException e) {
        // such as two subjects of a cohort with the same id
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBody.of(e.getMessage(), List.of()));
    }

    /**
     * What an error response carries: the library's message and each problem with its place.
     *
     * @param error    the message
     * @param problems each problem: its place (file:line or JSON pointer) and message
     */
    public record ErrorBody(String error, List<Place> problems) {

        static ErrorBody of(String message, List<Problem> problems) {
            return new ErrorBody(message, problems.stream().map(p -> new Place(p.pointer(), p.line(), p.column(), p.message())).toList());
        }
    }

    /**
     * One problem of a request.
     *
     * @param pointer the JSON pointer of the value, or null
     * @param line    the line in the body, or 0
     * @param column  the column in the body, or 0
     * @param message what is wrong and what to do
     */
    public record Place(String pointer, int line, int column, String message) {
    }
}
