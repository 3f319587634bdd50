package dev.carnews.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.json.JavalinJackson;
import io.javalin.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.stream.Stream;

/**
 * Javalin's Jackson mapper, except that a response body is written to a byte array on the request
 * thread. {@code JavalinJackson} streams every body through a pipe filled by another thread: for
 * the few kilobytes of a search answer that hand-off cost more than the serialization itself, and a
 * buffered body also gets a {@code Content-Length} instead of chunked encoding.
 */
final class BufferedJsonMapper implements JsonMapper {

  private final ObjectMapper mapper;
  private final JavalinJackson javalin;

  BufferedJsonMapper(ObjectMapper mapper) {
    this.mapper = mapper;
    this.javalin = new JavalinJackson(mapper, false);
  }

  @Override
  public InputStream toJsonStream(Object obj, Type type) {
    try {
      return new ByteArrayInputStream(mapper.writeValueAsBytes(obj));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + type.getTypeName() + " as JSON", e);
    }
  }

  @Override
  public String toJsonString(Object obj, Type type) {
    return javalin.toJsonString(obj, type);
  }

  @Override
  public void writeToOutputStream(Stream<?> stream, OutputStream outputStream) {
    javalin.writeToOutputStream(stream, outputStream);
  }

  @Override
  public <T> T fromJsonString(String json, Type targetType) {
    return javalin.fromJsonString(json, targetType);
  }

  @Override
  public <T> T fromJsonStream(InputStream json, Type targetType) {
    return javalin.fromJsonStream(json, targetType);
  }
}
