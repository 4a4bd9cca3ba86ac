package ai.specora.sample.tools;

import ai.specora.spring.Enforced;

import org.springframework.stereotype.Service;

/**
 * The agent's database maintenance tool. Dropping a table is something no policy
 * should let an agent do: the shipped policies block it, so this method never runs.
 */
@Service
public class DatabaseTools {

	/**
	 * Drops a production table.
	 * @param table the table
	 * @return a note of what was dropped
	 */
	@Enforced(actionType = "db_drop_table", scope = "{'database': 'production', 'table': #table}", writeOp = true)
	public String dropTable(String table) {
		return "dropped " + table;
	}

}
