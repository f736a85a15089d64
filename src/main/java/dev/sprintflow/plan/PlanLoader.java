package dev.sprintflow.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sprintflow.plan.markdown.MarkdownPlanImporter;
import dev.sprintflow.plan.validation.ErrorKind;
import dev.sprintflow.plan.validation.PlanError;
import dev.sprintflow.plan.validation.PlanValidator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The one way into plans: reads a YAML, JSON or Markdown plan into the {@link Plan} model and
 * validates it, returning the plan with all its warnings and located errors. Inputs over the size
 * limit are refused before anything parses them. Thread-safe.
 */
public final class PlanLoader {
  public static final long DEFAULT_MAX_INPUT_BYTES = 10L * 1024 * 1024;

  private final WorkerKeywords keywords;
  private final long maxInputBytes;
  private final PlanReader yaml;
  private final PlanReader json;
  private final PlanReader markdown;
  private final PlanValidator validator = new PlanValidator();

  public PlanLoader(WorkerKeywords keywords, long maxInputBytes) {
    if (maxInputBytes <= 0) {
      throw new IllegalArgumentException("the input size limit must be positive");
    }
    this.keywords = keywords;
    this.maxInputBytes = maxInputBytes;
    LoaderOptions yamlLimits = new LoaderOptions();
    // SnakeYAML's own limit (3 MB by default) must not undercut ours.
    yamlLimits.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxInputBytes + 1024));
    this.yaml = new StructuredPlanReader(YAMLFactory.builder().loaderOptions(yamlLimits).build(), keywords);
    this.json = new StructuredPlanReader(new JsonFactory(), keywords);
    this.markdown = new MarkdownPlanImporter(keywords);
  }

  public static PlanLoader withDefaults() {
    return new PlanLoader(WorkerKeywords.defaults(), DEFAULT_MAX_INPUT_BYTES);
  }

  public WorkerKeywords workerKeywords() {
    return keywords;
  }

  public long maxInputBytes() {
    return maxInputBytes;
  }

  /** Loads a file, choosing the format by its extension; the file name in errors is the path as given. */
  public PlanLoadResult load(Path file) {
    String name = file.toString();
    PlanFormat format = PlanFormat.fromFileName(name).orElse(null);
    if (format == null) {
      return unknownFormat(name);
    }
    try {
      long size = Files.size(file);
      if (size > maxInputBytes) {
        return tooLarge(name, size);
      }
      return load(name, Files.readAllBytes(file), format);
    } catch (NoSuchFileException e) {
      return PlanLoadResult.failed(new PlanError(name, 1, 1, ErrorKind.SYNTAX, "The file does not exist."));
    } catch (IOException e) {
      return PlanLoadResult.failed(
          new PlanError(name, 1, 1, ErrorKind.SYNTAX, "The file cannot be read: " + e.getMessage()));
    }
  }

  /** Loads text whose format follows from the file name's extension. */
  public PlanLoadResult load(String fileName, String content) {
    return PlanFormat.fromFileName(fileName)
        .map(format -> load(fileName, content, format))
        .orElseGet(() -> unknownFormat(fileName));
  }

  /** Loads raw bytes (UTF-8; a byte order mark and invalid bytes are tolerated). */
  public PlanLoadResult load(String fileName, byte[] content, PlanFormat format) {
    if (content.length > maxInputBytes) {
      return tooLarge(fileName, content.length);
    }
    return parse(fileName, decode(content), format);
  }

  public PlanLoadResult load(String fileName, String content, PlanFormat format) {
    long bytes = utf8Length(content);
    if (bytes > maxInputBytes) {
      return tooLarge(fileName, bytes);
    }
    return parse(fileName, content.startsWith("\uFEFF") ? content.substring(1) : content, format);
  }

  private PlanLoadResult parse(String fileName, String content, PlanFormat format) {
    String file = fileName == null || fileName.isBlank() ? "plan" : fileName;
    PlanReader reader = switch (format) {
      case YAML -> yaml;
      case JSON -> json;
      case MARKDOWN -> markdown;
    };
    PlanReader.Outcome read = reader.read(file, content);
    List<PlanError> errors = new ArrayList<>(read.errors());
    if (read.plan() == null) {
      errors.sort(PlanError.BY_POSITION);
      return new PlanLoadResult(null, List.of(), errors);
    }
    errors.addAll(validator.validate(read.plan(), read.sources()));
    errors.sort(PlanError.BY_POSITION);
    return new PlanLoadResult(read.plan(), read.plan().warnings(), errors);
  }

  private PlanLoadResult tooLarge(String fileName, long bytes) {
    return PlanLoadResult.failed(new PlanError(fileName, 1, 1, ErrorKind.TOO_LARGE,
        "The plan is %s, more than the limit of %s; split it or raise the limit (sprintflow.plans.max-input-size)."
            .formatted(humanSize(bytes), humanSize(maxInputBytes))));
  }

  private static PlanLoadResult unknownFormat(String fileName) {
    return PlanLoadResult.failed(new PlanError(fileName, 1, 1, ErrorKind.UNKNOWN_FORMAT,
        "The plan's format cannot be told from its name; use .md or .markdown for Markdown,"
            + " .yaml or .yml for YAML, .json for JSON."));
  }

  static String humanSize(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    if (bytes < 1024 * 1024) {
      return "%.1f KB".formatted(bytes / 1024.0);
    }
    return "%.1f MB".formatted(bytes / (1024.0 * 1024.0));
  }

  private static String decode(byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder cannot fail", e);
    }
  }

  private static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
