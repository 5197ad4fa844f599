package app.tandem.ui.customers;

import static app.tandem.ui.customers.InMemoryCustomers.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationService;
import app.tandem.customer.Customer;
import app.tandem.ui.common.CurrentThreadTaskExecutor;
import app.tandem.ui.common.QueuedTaskExecutor;
import app.tandem.ui.common.TaskExecutor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One customer's profile and past conversations, over profiles and conversations kept in memory. */
class CustomerProfileViewModelTest {

    private final InMemoryCustomers customers = new InMemoryCustomers().with(
            customer("C1", "Emma Clarke", "+44 20 7946 0001"),
            customer("C2", "Wei Zhang", "+86 10 5555 0002"));
    private final InMemoryConversations conversations = new InMemoryConversations();
    private final ConversationService service = new ConversationService(conversations,
            Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));

    private CustomerProfileViewModel profile(TaskExecutor tasks) {
        return new CustomerProfileViewModel(customers, service, tasks, Runnable::run);
    }

    private long conversation(String customerId, String title, String startedAt, boolean closed) {
        Conversation c = conversations.create(Optional.of(customerId), Channel.CHAT, title, Instant.parse(startedAt));
        if (closed) {
            service.close(c.id(), "resolved");
        }
        return c.id();
    }

    private static List<String> titles(List<Conversation> history) {
        return history.stream().map(Conversation::title).toList();
    }

    @Test
    void showsTheProfileAndOnlyClosedConversationsNewestFirst() {
        conversation("C1", "Card not arrived", "2026-01-05T09:00:00Z", true);
        conversation("C1", "Travel notice", "2026-02-10T09:00:00Z", true);
        conversation("C1", "Still talking", "2026-03-02T09:55:00Z", false);
        conversation("C2", "Someone else's", "2026-02-11T09:00:00Z", true);
        CustomerProfileViewModel vm = profile(new CurrentThreadTaskExecutor());
        vm.show(Optional.of("C1"));
        assertEquals(Optional.of("Emma Clarke"), vm.customerProperty().get().map(Customer::name));
        assertEquals(List.of("Travel notice", "Card not arrived"), titles(vm.history()), "the open conversation is on the desk, not history");
        assertEquals(List.of(CustomerProfileViewModel.HISTORY_LIMIT), conversations.limits);
        assertFalse(vm.loadingProperty().get());
    }

    @Test
    void loadingShowsWhileTheProfileIsReadAndNoneClearsThePanel() {
        conversation("C1", "Card not arrived", "2026-01-05T09:00:00Z", true);
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        CustomerProfileViewModel vm = profile(tasks);
        vm.show(Optional.of("C1"));
        assertTrue(vm.loadingProperty().get());
        tasks.runAll();
        assertFalse(vm.loadingProperty().get());
        assertEquals(1, vm.history().size());

        vm.show(Optional.empty());
        assertEquals(Optional.empty(), vm.customerProperty().get());
        assertTrue(vm.history().isEmpty());
        assertFalse(vm.loadingProperty().get());
        assertEquals(0, tasks.waiting(), "clearing reads nothing");
    }

    @Test
    void aSlowerAnswerForAnEarlierCustomerIsDropped() {
        conversation("C1", "Card not arrived", "2026-01-05T09:00:00Z", true);
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        CustomerProfileViewModel vm = profile(tasks);
        vm.show(Optional.of("C1"));
        vm.show(Optional.of("C2"));
        tasks.run(1);
        tasks.run(0);
        assertEquals(Optional.of("Wei Zhang"), vm.customerProperty().get().map(Customer::name));
        assertTrue(vm.history().isEmpty(), "C1's history does not land under C2");

        vm.show(Optional.of("C1"));
        vm.show(Optional.empty());
        tasks.runAll();
        assertEquals(Optional.empty(), vm.customerProperty().get(), "a cleared panel stays clear");
        assertFalse(vm.loadingProperty().get());
    }

    @Test
    void anUnknownCustomerShowsNoProfileAndAFailureStopsLoading() {
        CustomerProfileViewModel vm = profile(new CurrentThreadTaskExecutor());
        vm.show(Optional.of("C9"));
        assertEquals(Optional.empty(), vm.customerProperty().get());
        assertTrue(vm.history().isEmpty());

        customers.failing = true;
        vm.show(Optional.of("C1"));
        assertFalse(vm.loadingProperty().get(), "a failed read does not leave the panel loading");
    }
}
