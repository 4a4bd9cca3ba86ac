package ai.specora.spring.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The failure analysis Spring Boot prints for a start-up failure, from Specora's failure
 * analyzers as {@code META-INF/spring.factories} registers them: the tests of every
 * auto-configuration package see the analysis a user sees, without reaching the
 * package-private analyzers.
 */
public final class FailureAnalyses {

	private FailureAnalyses() {
	}

	/**
	 * The analysis of the first registered Specora analyzer that explains the failure.
	 * @param failure the start-up failure
	 * @return the analysis
	 * @throws AssertionError when no Specora analyzer explains it
	 */
	public static FailureAnalysis analyze(Throwable failure) {
		for (FailureAnalyzer analyzer : specoraAnalyzers()) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis;
			}
		}
		throw new AssertionError("No Specora failure analysis for " + failure, failure);
	}

	private static List<FailureAnalyzer> specoraAnalyzers() {
		ClassLoader classLoader = FailureAnalyses.class.getClassLoader();
		List<FailureAnalyzer> analyzers = new ArrayList<>();
		try {
			for (URL url : Collections.list(classLoader.getResources("META-INF/spring.factories"))) {
				String names = PropertiesLoaderUtils.loadProperties(new UrlResource(url))
					.getProperty(FailureAnalyzer.class.getName());
				for (String name : StringUtils.commaDelimitedListToStringArray(names)) {
					if (name.trim().startsWith("ai.specora.")) {
						analyzers.add(BeanUtils.instantiateClass(ClassUtils.forName(name.trim(), classLoader),
								FailureAnalyzer.class));
					}
				}
			}
		}
		catch (IOException | ClassNotFoundException ex) {
			throw new IllegalStateException("Cannot load the failure analyzers", ex);
		}
		return analyzers;
	}

}
