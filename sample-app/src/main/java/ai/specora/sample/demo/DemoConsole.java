package ai.specora.sample.demo;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Prints the demo's steps readably: a numbered title, the request, the outcome, and
 * notes of what happened behind the scenes.
 */
public final class DemoConsole {

	private final PrintStream out;

	/**
	 * Creates a console.
	 * @param out where to print
	 */
	public DemoConsole(PrintStream out) {
		this.out = Objects.requireNonNull(out, "out must not be null");
	}

	/**
	 * Prints a heading line.
	 * @param text the text
	 */
	public void heading(String text) {
		this.out.println();
		this.out.println(text);
		this.out.flush();
	}

	/**
	 * Prints the title of a step.
	 * @param number the step's number
	 * @param title what the step shows
	 */
	public void step(int number, String title) {
		this.out.println();
		this.out.println("[" + number + "] " + title);
		this.out.flush();
	}

	/**
	 * Prints a request made to the application.
	 * @param method the HTTP method
	 * @param path the path
	 * @param body the body, or {@code null}
	 */
	public void request(String method, String path, String body) {
		this.out.println("    " + method + " " + path + ((body != null) ? " " + body : ""));
		this.out.flush();
	}

	/**
	 * Prints the outcome of a request.
	 * @param status the HTTP status
	 * @param decision the governance decision
	 * @param detail what it means
	 */
	public void outcome(int status, String decision, String detail) {
		this.out.println("    -> " + status + " " + decision + ": " + detail);
		this.out.flush();
	}

	/**
	 * Prints something that happened besides the request.
	 * @param text the text
	 */
	public void note(String text) {
		this.out.println("    .. " + text);
		this.out.flush();
	}

	/**
	 * Prints a plain line.
	 * @param text the text
	 */
	public void line(String text) {
		this.out.println(text);
		this.out.flush();
	}

}
