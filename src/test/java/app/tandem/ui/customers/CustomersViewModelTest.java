package app.tandem.ui.customers;

import static app.tandem.ui.customers.InMemoryCustomers.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.conversation.ConversationService;
import app.tandem.customer.Customer;
import app.tandem.ui.common.CurrentThreadTaskExecutor;
import app.tandem.ui.common.QueuedTaskExecutor;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Customers tab's list over profiles kept in memory, with its work run when the test says. */
class CustomersViewModelTest {

    private final InMemoryCustomers customers = new InMemoryCustomers().with(
            customer("C1", "Emma Clarke", "+44 20 7946 0001"),
            customer("C2", "Wei Zhang", "+86 10 5555 0002"),
            customer("C3", "Emil Novak", "+420 2 5555 0003"));

    private CustomersViewModel tab(InMemoryCustomers repository, TaskExecutor tasks) {
        return new CustomersViewModel(repository, new ConversationService(new InMemoryConversations(), Clock.systemUTC()), tasks,
                Runnable::run, Texts.of(Locale.ENGLISH));
    }

    private static List<String> ids(List<Customer> found) {
        return found.stream().map(Customer::id).toList();
    }

    @Test
    void anEmptyQueryListsEveryoneAndTextSearchesWithTheLimit() {
        CustomersViewModel vm = tab(customers, new CurrentThreadTaskExecutor());
        vm.search();
        assertEquals(List.of("C1", "C2", "C3"), ids(vm.results()));
        assertTrue(customers.searchLimits.isEmpty(), "an empty query lists, it does not search");

        vm.queryProperty().set("  em ");
        vm.search();
        assertEquals(List.of("C1", "C3"), ids(vm.results()), "the query is trimmed");
        assertEquals(List.of(CustomersViewModel.SEARCH_LIMIT), customers.searchLimits);
    }

    @Test
    void anEmptyListSaysWhetherNothingIsStoredOrNothingMatches() {
        CustomersViewModel none = tab(new InMemoryCustomers(), new CurrentThreadTaskExecutor());
        assertNull(none.emptyProperty().get(), "nothing said before the first search");
        none.search();
        assertTrue(none.results().isEmpty());
        assertEquals(CustomersViewModel.Empty.NOTHING_STORED, none.emptyProperty().get());

        CustomersViewModel vm = tab(customers, new CurrentThreadTaskExecutor());
        vm.queryProperty().set("nobody by this name");
        vm.search();
        assertTrue(vm.results().isEmpty());
        assertEquals(CustomersViewModel.Empty.NOTHING_MATCHES, vm.emptyProperty().get());
    }

    @Test
    void aSearchOvertakenByANewerOneIsDropped() {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        CustomersViewModel vm = tab(customers, tasks);
        vm.queryProperty().set("Emma");
        vm.search();
        vm.queryProperty().set("Wei");
        vm.search();
        tasks.run(1);
        assertEquals(List.of("C2"), ids(vm.results()));
        tasks.run(0);
        assertEquals(List.of("C2"), ids(vm.results()), "the slower answer to the older query does not replace the list");
    }

    @Test
    void aFailedSearchEmptiesTheList() {
        CustomersViewModel vm = tab(customers, new CurrentThreadTaskExecutor());
        vm.search();
        customers.failing = true;
        vm.search();
        assertTrue(vm.results().isEmpty());
    }

    @Test
    void choosingACustomerShowsTheirProfileAndNoneClearsIt() {
        CustomersViewModel vm = tab(customers, new CurrentThreadTaskExecutor());
        vm.search();
        vm.choose(Optional.of(vm.results().get(1)));
        assertEquals(Optional.of("Wei Zhang"), vm.profile().customerProperty().get().map(Customer::name));
        vm.choose(Optional.empty());
        assertEquals(Optional.empty(), vm.profile().customerProperty().get());
    }
}
