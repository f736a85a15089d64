package dev.targets.clients;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The target's clients in memory, with the users each is assigned to. Thread-safe. */
public final class ClientStore {

  /** One client as the API shows it. */
  public record Client(String id, String name, Set<String> assignedTo, boolean archived, boolean deleted) {}

  private final Map<String, Client> clients = new LinkedHashMap<>();
  private int next = 1;

  /** c-1 is assigned to manager and member, c-2 to nobody, c-3 to owner and admin. */
  public static ClientStore seeded(int extra) {
    ClientStore store = new ClientStore();
    store.add("Acme Dental", Set.of("manager", "member"));
    store.add("Birch Legal", Set.of());
    store.add("Cobalt Fitness", Set.of("owner", "admin"));
    for (int i = 0; i < extra; i++) {
      store.add("Extra client " + (i + 1), i % 2 == 0 ? Set.of("manager", "member") : Set.of());
    }
    return store;
  }

  public synchronized Client add(String name, Set<String> assignedTo) {
    Client client = new Client("c-" + next++, name, Set.copyOf(assignedTo), false, false);
    clients.put(client.id(), client);
    return client;
  }

  public synchronized Optional<Client> find(String id) {
    return Optional.ofNullable(clients.get(id));
  }

  public synchronized void put(Client client) {
    clients.put(client.id(), client);
  }

  public synchronized List<Client> all() {
    return new ArrayList<>(clients.values());
  }

  /** What a user of the API would call the state: every client that is not deleted, as it is. */
  public synchronized List<Client> live() {
    return clients.values().stream().filter(c -> !c.deleted()).toList();
  }
}
