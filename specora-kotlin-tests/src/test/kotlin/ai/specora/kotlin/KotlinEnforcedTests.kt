package ai.specora.kotlin

import ai.specora.client.CompletionStatus
import ai.specora.client.SpecoraBlockedException
import ai.specora.runtime.GovernanceListener
import ai.specora.runtime.GovernedCall
import ai.specora.spring.Enforced
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatExceptionOfType
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.springframework.boot.SpringBootConfiguration
import org.springframework.boot.WebApplicationType
import org.springframework.boot.autoconfigure.EnableAutoConfiguration
import org.springframework.boot.builder.SpringApplicationBuilder
import org.springframework.context.ConfigurableApplicationContext
import org.springframework.context.annotation.Bean
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.atomic.AtomicInteger

/**
 * `@Enforced` on Kotlin `suspend` functions and on functions returning `Flow`: governed
 * like reactive methods, the decision at subscription, SpEL seeing the parameters by name,
 * completed with the real outcome, against the embedded local authority.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KotlinEnforcedTests {

    private lateinit var context: ConfigurableApplicationContext

    private lateinit var orders: OrderService

    @BeforeAll
    fun start() {
        context = SpringApplicationBuilder(App::class.java)
            .web(WebApplicationType.NONE)
            .properties(
                "specora.local-authority.enabled=true",
                "specora.local-authority.default-effect=allow",
                "specora.local-authority.policies[0].name=big-refunds",
                "specora.local-authority.policies[0].action-type=refund",
                "specora.local-authority.policies[0].scope.order=A-9",
                "specora.local-authority.policies[0].effect=block",
                "specora.local-authority.policies[0].reason=order A-9 is disputed",
                "specora.local-authority.policies[1].name=no-exports",
                "specora.local-authority.policies[1].action-type=export_orders",
                "specora.local-authority.policies[1].effect=block",
                "specora.local-authority.policies[1].reason=exports are closed",
                "specora.enforcement.completion.mode=sync",
            )
            .run()
        orders = context.getBean(OrderService::class.java)
    }

    @AfterAll
    fun stop() {
        context.close()
    }

    private fun completions(): Completions = context.getBean(Completions::class.java)

    @Test
    fun `allowed suspend function runs once`() {
        val before = orders.refunds.get()
        val result = runBlocking { orders.refund("A-1", 20) }
        assertThat(result).isEqualTo("refunded 20 on A-1")
        assertThat(orders.refunds.get()).isEqualTo(before + 1)
        assertThat(completions().statuses).contains("refund {order=A-1} SUCCESS")
    }

    @Test
    fun `blocked suspend function does not run and SpEL saw its parameter by name`() {
        val before = orders.refunds.get()
        assertThatExceptionOfType(SpecoraBlockedException::class.java)
            .isThrownBy { runBlocking { orders.refund("A-9", 20) } }
            .satisfies({ ex -> assertThat(ex.reason).isEqualTo("order A-9 is disputed") })
        assertThat(orders.refunds.get()).isEqualTo(before)
    }

    @Test
    fun `suspend function that throws keeps its exception`() {
        assertThatExceptionOfType(IllegalStateException::class.java)
            .isThrownBy { runBlocking { orders.refund("A-0", 5) } }
            .withMessage("order A-0 is closed")
        assertThat(completions().statuses).contains("refund {order=A-0} FAILURE")
    }

    @Test
    fun `allowed flow emits every value, decided when collected`() {
        val flow = orders.orders("alice")
        assertThat(orders.listed.get()).isZero()
        assertThat(runBlocking { flow.toList() }).containsExactly("A-1", "A-2")
        assertThat(orders.listed.get()).isEqualTo(1)
        assertThat(completions().statuses).contains("list_orders {customer=alice} SUCCESS")
    }

    @Test
    fun `blocked flow fails when collected`() {
        assertThatExceptionOfType(SpecoraBlockedException::class.java)
            .isThrownBy { runBlocking { orders.export("alice").toList() } }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    open class App {

        @Bean
        open fun orderService(): OrderService = OrderService()

        @Bean
        open fun completions(): Completions = Completions()

    }

    /**
     * The outcome of each governed call's completion, by action type and first argument.
     */
    class Completions : GovernanceListener {

        val statuses = CopyOnWriteArrayList<String>()

        override fun onCompletion(call: GovernedCall, status: CompletionStatus, error: Throwable?) {
            statuses.add("${call.actionType()} ${call.request()?.scope()} $status")
        }

    }

    open class OrderService {

        open val refunds = AtomicInteger()

        open val listed = AtomicInteger()

        @Enforced(actionType = "refund", scope = "{'order': #orderId}", estimatedCost = "#amount")
        open suspend fun refund(orderId: String, amount: Int): String {
            delay(5)
            check(orderId != "A-0") { "order A-0 is closed" }
            refunds.incrementAndGet()
            return "refunded $amount on $orderId"
        }

        @Enforced(actionType = "list_orders", scope = "{'customer': #customer}")
        open fun orders(customer: String): Flow<String> = flow {
            listed.incrementAndGet()
            emit("A-1")
            emit("A-2")
        }

        @Enforced(actionType = "export_orders", scope = "{'customer': #customer}")
        open fun export(customer: String): Flow<String> = flow {
            emit("A-1")
        }

    }

}
