package eco2.common.admin;

/**
 * One parked message as the admin panel shows it. {@code id} is the event id (the envelope's, else the AMQP message
 * id, else a hash of the body); {@code body} is the parsed JSON, or the text when it is not JSON.
 */
public record DeadLetter(String id, String type, String routingKey, String error, Integer attempts, Object body) {}
