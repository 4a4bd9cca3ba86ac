package ai.specora.runtime.tool;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ToolInputs}.
 */
class ToolInputsTests {

	@Test
	void aJsonObjectGivesItsFieldsInOrder() {
		Map<String, Object> args = ToolInputs.args("{\"b\":1,\"a\":\"x\",\"list\":[true,null],\"nested\":{\"k\":2.5}}");
		assertThat(args).containsExactly(Map.entry("b", 1), Map.entry("a", "x"),
				Map.entry("list", Arrays.asList(true, null)), Map.entry("nested", Map.of("k", 2.5)));
	}

	@Test
	void aNullOrBlankInputGivesNoArgs() {
		assertThat(ToolInputs.args(null)).isEmpty();
		assertThat(ToolInputs.args("  ")).isEmpty();
	}

	@Test
	void jsonThatIsNoObjectIsOneInputArg() {
		assertThat(ToolInputs.args("[1,2]")).containsExactly(Map.entry(ToolInputs.INPUT_ARG, "[1,2]"));
		assertThat(ToolInputs.args("\"text\"")).containsExactly(Map.entry("input", "\"text\""));
	}

	@Test
	void textThatIsNoJsonIsOneInputArg() {
		assertThat(ToolInputs.args("delete everything")).isEqualTo(Map.of("input", "delete everything"));
		assertThat(ToolInputs.args("{broken")).isEqualTo(Map.of("input", "{broken"));
	}

}
