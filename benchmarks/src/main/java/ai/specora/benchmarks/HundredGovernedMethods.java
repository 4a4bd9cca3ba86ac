package ai.specora.benchmarks;

import ai.specora.spring.Enforced;

/**
 * A bean with 100 {@code @Enforced} methods, for the start-up benchmark. Generated: each
 * method differs only in its number.
 */
public class HundredGovernedMethods {

	/**
	 * Governed method 0.
	 * @param value the value
	 * @return the value plus 0
	 */
	@Enforced(actionType = "action_0", scope = "{'table': 'table_0'}", args = "{'value': #value}")
	public int method0(int value) {
		return value + 0;
	}

	/**
	 * Governed method 1.
	 * @param value the value
	 * @return the value plus 1
	 */
	@Enforced(actionType = "action_1", scope = "{'table': 'table_1'}", args = "{'value': #value}")
	public int method1(int value) {
		return value + 1;
	}

	/**
	 * Governed method 2.
	 * @param value the value
	 * @return the value plus 2
	 */
	@Enforced(actionType = "action_2", scope = "{'table': 'table_2'}", args = "{'value': #value}")
	public int method2(int value) {
		return value + 2;
	}

	/**
	 * Governed method 3.
	 * @param value the value
	 * @return the value plus 3
	 */
	@Enforced(actionType = "action_3", scope = "{'table': 'table_3'}", args = "{'value': #value}")
	public int method3(int value) {
		return value + 3;
	}

	/**
	 * Governed method 4.
	 * @param value the value
	 * @return the value plus 4
	 */
	@Enforced(actionType = "action_4", scope = "{'table': 'table_4'}", args = "{'value': #value}")
	public int method4(int value) {
		return value + 4;
	}

	/**
	 * Governed method 5.
	 * @param value the value
	 * @return the value plus 5
	 */
	@Enforced(actionType = "action_5", scope = "{'table': 'table_5'}", args = "{'value': #value}")
	public int method5(int value) {
		return value + 5;
	}

	/**
	 * Governed method 6.
	 * @param value the value
	 * @return the value plus 6
	 */
	@Enforced(actionType = "action_6", scope = "{'table': 'table_6'}", args = "{'value': #value}")
	public int method6(int value) {
		return value + 6;
	}

	/**
	 * Governed method 7.
	 * @param value the value
	 * @return the value plus 7
	 */
	@Enforced(actionType = "action_7", scope = "{'table': 'table_7'}", args = "{'value': #value}")
	public int method7(int value) {
		return value + 7;
	}

	/**
	 * Governed method 8.
	 * @param value the value
	 * @return the value plus 8
	 */
	@Enforced(actionType = "action_8", scope = "{'table': 'table_8'}", args = "{'value': #value}")
	public int method8(int value) {
		return value + 8;
	}

	/**
	 * Governed method 9.
	 * @param value the value
	 * @return the value plus 9
	 */
	@Enforced(actionType = "action_9", scope = "{'table': 'table_9'}", args = "{'value': #value}")
	public int method9(int value) {
		return value + 9;
	}

	/**
	 * Governed method 10.
	 * @param value the value
	 * @return the value plus 10
	 */
	@Enforced(actionType = "action_10", scope = "{'table': 'table_10'}", args = "{'value': #value}")
	public int method10(int value) {
		return value + 10;
	}

	/**
	 * Governed method 11.
	 * @param value the value
	 * @return the value plus 11
	 */
	@Enforced(actionType = "action_11", scope = "{'table': 'table_11'}", args = "{'value': #value}")
	public int method11(int value) {
		return value + 11;
	}

	/**
	 * Governed method 12.
	 * @param value the value
	 * @return the value plus 12
	 */
	@Enforced(actionType = "action_12", scope = "{'table': 'table_12'}", args = "{'value': #value}")
	public int method12(int value) {
		return value + 12;
	}

	/**
	 * Governed method 13.
	 * @param value the value
	 * @return the value plus 13
	 */
	@Enforced(actionType = "action_13", scope = "{'table': 'table_13'}", args = "{'value': #value}")
	public int method13(int value) {
		return value + 13;
	}

	/**
	 * Governed method 14.
	 * @param value the value
	 * @return the value plus 14
	 */
	@Enforced(actionType = "action_14", scope = "{'table': 'table_14'}", args = "{'value': #value}")
	public int method14(int value) {
		return value + 14;
	}

	/**
	 * Governed method 15.
	 * @param value the value
	 * @return the value plus 15
	 */
	@Enforced(actionType = "action_15", scope = "{'table': 'table_15'}", args = "{'value': #value}")
	public int method15(int value) {
		return value + 15;
	}

	/**
	 * Governed method 16.
	 * @param value the value
	 * @return the value plus 16
	 */
	@Enforced(actionType = "action_16", scope = "{'table': 'table_16'}", args = "{'value': #value}")
	public int method16(int value) {
		return value + 16;
	}

	/**
	 * Governed method 17.
	 * @param value the value
	 * @return the value plus 17
	 */
	@Enforced(actionType = "action_17", scope = "{'table': 'table_17'}", args = "{'value': #value}")
	public int method17(int value) {
		return value + 17;
	}

	/**
	 * Governed method 18.
	 * @param value the value
	 * @return the value plus 18
	 */
	@Enforced(actionType = "action_18", scope = "{'table': 'table_18'}", args = "{'value': #value}")
	public int method18(int value) {
		return value + 18;
	}

	/**
	 * Governed method 19.
	 * @param value the value
	 * @return the value plus 19
	 */
	@Enforced(actionType = "action_19", scope = "{'table': 'table_19'}", args = "{'value': #value}")
	public int method19(int value) {
		return value + 19;
	}

	/**
	 * Governed method 20.
	 * @param value the value
	 * @return the value plus 20
	 */
	@Enforced(actionType = "action_20", scope = "{'table': 'table_20'}", args = "{'value': #value}")
	public int method20(int value) {
		return value + 20;
	}

	/**
	 * Governed method 21.
	 * @param value the value
	 * @return the value plus 21
	 */
	@Enforced(actionType = "action_21", scope = "{'table': 'table_21'}", args = "{'value': #value}")
	public int method21(int value) {
		return value + 21;
	}

	/**
	 * Governed method 22.
	 * @param value the value
	 * @return the value plus 22
	 */
	@Enforced(actionType = "action_22", scope = "{'table': 'table_22'}", args = "{'value': #value}")
	public int method22(int value) {
		return value + 22;
	}

	/**
	 * Governed method 23.
	 * @param value the value
	 * @return the value plus 23
	 */
	@Enforced(actionType = "action_23", scope = "{'table': 'table_23'}", args = "{'value': #value}")
	public int method23(int value) {
		return value + 23;
	}

	/**
	 * Governed method 24.
	 * @param value the value
	 * @return the value plus 24
	 */
	@Enforced(actionType = "action_24", scope = "{'table': 'table_24'}", args = "{'value': #value}")
	public int method24(int value) {
		return value + 24;
	}

	/**
	 * Governed method 25.
	 * @param value the value
	 * @return the value plus 25
	 */
	@Enforced(actionType = "action_25", scope = "{'table': 'table_25'}", args = "{'value': #value}")
	public int method25(int value) {
		return value + 25;
	}

	/**
	 * Governed method 26.
	 * @param value the value
	 * @return the value plus 26
	 */
	@Enforced(actionType = "action_26", scope = "{'table': 'table_26'}", args = "{'value': #value}")
	public int method26(int value) {
		return value + 26;
	}

	/**
	 * Governed method 27.
	 * @param value the value
	 * @return the value plus 27
	 */
	@Enforced(actionType = "action_27", scope = "{'table': 'table_27'}", args = "{'value': #value}")
	public int method27(int value) {
		return value + 27;
	}

	/**
	 * Governed method 28.
	 * @param value the value
	 * @return the value plus 28
	 */
	@Enforced(actionType = "action_28", scope = "{'table': 'table_28'}", args = "{'value': #value}")
	public int method28(int value) {
		return value + 28;
	}

	/**
	 * Governed method 29.
	 * @param value the value
	 * @return the value plus 29
	 */
	@Enforced(actionType = "action_29", scope = "{'table': 'table_29'}", args = "{'value': #value}")
	public int method29(int value) {
		return value + 29;
	}

	/**
	 * Governed method 30.
	 * @param value the value
	 * @return the value plus 30
	 */
	@Enforced(actionType = "action_30", scope = "{'table': 'table_30'}", args = "{'value': #value}")
	public int method30(int value) {
		return value + 30;
	}

	/**
	 * Governed method 31.
	 * @param value the value
	 * @return the value plus 31
	 */
	@Enforced(actionType = "action_31", scope = "{'table': 'table_31'}", args = "{'value': #value}")
	public int method31(int value) {
		return value + 31;
	}

	/**
	 * Governed method 32.
	 * @param value the value
	 * @return the value plus 32
	 */
	@Enforced(actionType = "action_32", scope = "{'table': 'table_32'}", args = "{'value': #value}")
	public int method32(int value) {
		return value + 32;
	}

	/**
	 * Governed method 33.
	 * @param value the value
	 * @return the value plus 33
	 */
	@Enforced(actionType = "action_33", scope = "{'table': 'table_33'}", args = "{'value': #value}")
	public int method33(int value) {
		return value + 33;
	}

	/**
	 * Governed method 34.
	 * @param value the value
	 * @return the value plus 34
	 */
	@Enforced(actionType = "action_34", scope = "{'table': 'table_34'}", args = "{'value': #value}")
	public int method34(int value) {
		return value + 34;
	}

	/**
	 * Governed method 35.
	 * @param value the value
	 * @return the value plus 35
	 */
	@Enforced(actionType = "action_35", scope = "{'table': 'table_35'}", args = "{'value': #value}")
	public int method35(int value) {
		return value + 35;
	}

	/**
	 * Governed method 36.
	 * @param value the value
	 * @return the value plus 36
	 */
	@Enforced(actionType = "action_36", scope = "{'table': 'table_36'}", args = "{'value': #value}")
	public int method36(int value) {
		return value + 36;
	}

	/**
	 * Governed method 37.
	 * @param value the value
	 * @return the value plus 37
	 */
	@Enforced(actionType = "action_37", scope = "{'table': 'table_37'}", args = "{'value': #value}")
	public int method37(int value) {
		return value + 37;
	}

	/**
	 * Governed method 38.
	 * @param value the value
	 * @return the value plus 38
	 */
	@Enforced(actionType = "action_38", scope = "{'table': 'table_38'}", args = "{'value': #value}")
	public int method38(int value) {
		return value + 38;
	}

	/**
	 * Governed method 39.
	 * @param value the value
	 * @return the value plus 39
	 */
	@Enforced(actionType = "action_39", scope = "{'table': 'table_39'}", args = "{'value': #value}")
	public int method39(int value) {
		return value + 39;
	}

	/**
	 * Governed method 40.
	 * @param value the value
	 * @return the value plus 40
	 */
	@Enforced(actionType = "action_40", scope = "{'table': 'table_40'}", args = "{'value': #value}")
	public int method40(int value) {
		return value + 40;
	}

	/**
	 * Governed method 41.
	 * @param value the value
	 * @return the value plus 41
	 */
	@Enforced(actionType = "action_41", scope = "{'table': 'table_41'}", args = "{'value': #value}")
	public int method41(int value) {
		return value + 41;
	}

	/**
	 * Governed method 42.
	 * @param value the value
	 * @return the value plus 42
	 */
	@Enforced(actionType = "action_42", scope = "{'table': 'table_42'}", args = "{'value': #value}")
	public int method42(int value) {
		return value + 42;
	}

	/**
	 * Governed method 43.
	 * @param value the value
	 * @return the value plus 43
	 */
	@Enforced(actionType = "action_43", scope = "{'table': 'table_43'}", args = "{'value': #value}")
	public int method43(int value) {
		return value + 43;
	}

	/**
	 * Governed method 44.
	 * @param value the value
	 * @return the value plus 44
	 */
	@Enforced(actionType = "action_44", scope = "{'table': 'table_44'}", args = "{'value': #value}")
	public int method44(int value) {
		return value + 44;
	}

	/**
	 * Governed method 45.
	 * @param value the value
	 * @return the value plus 45
	 */
	@Enforced(actionType = "action_45", scope = "{'table': 'table_45'}", args = "{'value': #value}")
	public int method45(int value) {
		return value + 45;
	}

	/**
	 * Governed method 46.
	 * @param value the value
	 * @return the value plus 46
	 */
	@Enforced(actionType = "action_46", scope = "{'table': 'table_46'}", args = "{'value': #value}")
	public int method46(int value) {
		return value + 46;
	}

	/**
	 * Governed method 47.
	 * @param value the value
	 * @return the value plus 47
	 */
	@Enforced(actionType = "action_47", scope = "{'table': 'table_47'}", args = "{'value': #value}")
	public int method47(int value) {
		return value + 47;
	}

	/**
	 * Governed method 48.
	 * @param value the value
	 * @return the value plus 48
	 */
	@Enforced(actionType = "action_48", scope = "{'table': 'table_48'}", args = "{'value': #value}")
	public int method48(int value) {
		return value + 48;
	}

	/**
	 * Governed method 49.
	 * @param value the value
	 * @return the value plus 49
	 */
	@Enforced(actionType = "action_49", scope = "{'table': 'table_49'}", args = "{'value': #value}")
	public int method49(int value) {
		return value + 49;
	}

	/**
	 * Governed method 50.
	 * @param value the value
	 * @return the value plus 50
	 */
	@Enforced(actionType = "action_50", scope = "{'table': 'table_50'}", args = "{'value': #value}")
	public int method50(int value) {
		return value + 50;
	}

	/**
	 * Governed method 51.
	 * @param value the value
	 * @return the value plus 51
	 */
	@Enforced(actionType = "action_51", scope = "{'table': 'table_51'}", args = "{'value': #value}")
	public int method51(int value) {
		return value + 51;
	}

	/**
	 * Governed method 52.
	 * @param value the value
	 * @return the value plus 52
	 */
	@Enforced(actionType = "action_52", scope = "{'table': 'table_52'}", args = "{'value': #value}")
	public int method52(int value) {
		return value + 52;
	}

	/**
	 * Governed method 53.
	 * @param value the value
	 * @return the value plus 53
	 */
	@Enforced(actionType = "action_53", scope = "{'table': 'table_53'}", args = "{'value': #value}")
	public int method53(int value) {
		return value + 53;
	}

	/**
	 * Governed method 54.
	 * @param value the value
	 * @return the value plus 54
	 */
	@Enforced(actionType = "action_54", scope = "{'table': 'table_54'}", args = "{'value': #value}")
	public int method54(int value) {
		return value + 54;
	}

	/**
	 * Governed method 55.
	 * @param value the value
	 * @return the value plus 55
	 */
	@Enforced(actionType = "action_55", scope = "{'table': 'table_55'}", args = "{'value': #value}")
	public int method55(int value) {
		return value + 55;
	}

	/**
	 * Governed method 56.
	 * @param value the value
	 * @return the value plus 56
	 */
	@Enforced(actionType = "action_56", scope = "{'table': 'table_56'}", args = "{'value': #value}")
	public int method56(int value) {
		return value + 56;
	}

	/**
	 * Governed method 57.
	 * @param value the value
	 * @return the value plus 57
	 */
	@Enforced(actionType = "action_57", scope = "{'table': 'table_57'}", args = "{'value': #value}")
	public int method57(int value) {
		return value + 57;
	}

	/**
	 * Governed method 58.
	 * @param value the value
	 * @return the value plus 58
	 */
	@Enforced(actionType = "action_58", scope = "{'table': 'table_58'}", args = "{'value': #value}")
	public int method58(int value) {
		return value + 58;
	}

	/**
	 * Governed method 59.
	 * @param value the value
	 * @return the value plus 59
	 */
	@Enforced(actionType = "action_59", scope = "{'table': 'table_59'}", args = "{'value': #value}")
	public int method59(int value) {
		return value + 59;
	}

	/**
	 * Governed method 60.
	 * @param value the value
	 * @return the value plus 60
	 */
	@Enforced(actionType = "action_60", scope = "{'table': 'table_60'}", args = "{'value': #value}")
	public int method60(int value) {
		return value + 60;
	}

	/**
	 * Governed method 61.
	 * @param value the value
	 * @return the value plus 61
	 */
	@Enforced(actionType = "action_61", scope = "{'table': 'table_61'}", args = "{'value': #value}")
	public int method61(int value) {
		return value + 61;
	}

	/**
	 * Governed method 62.
	 * @param value the value
	 * @return the value plus 62
	 */
	@Enforced(actionType = "action_62", scope = "{'table': 'table_62'}", args = "{'value': #value}")
	public int method62(int value) {
		return value + 62;
	}

	/**
	 * Governed method 63.
	 * @param value the value
	 * @return the value plus 63
	 */
	@Enforced(actionType = "action_63", scope = "{'table': 'table_63'}", args = "{'value': #value}")
	public int method63(int value) {
		return value + 63;
	}

	/**
	 * Governed method 64.
	 * @param value the value
	 * @return the value plus 64
	 */
	@Enforced(actionType = "action_64", scope = "{'table': 'table_64'}", args = "{'value': #value}")
	public int method64(int value) {
		return value + 64;
	}

	/**
	 * Governed method 65.
	 * @param value the value
	 * @return the value plus 65
	 */
	@Enforced(actionType = "action_65", scope = "{'table': 'table_65'}", args = "{'value': #value}")
	public int method65(int value) {
		return value + 65;
	}

	/**
	 * Governed method 66.
	 * @param value the value
	 * @return the value plus 66
	 */
	@Enforced(actionType = "action_66", scope = "{'table': 'table_66'}", args = "{'value': #value}")
	public int method66(int value) {
		return value + 66;
	}

	/**
	 * Governed method 67.
	 * @param value the value
	 * @return the value plus 67
	 */
	@Enforced(actionType = "action_67", scope = "{'table': 'table_67'}", args = "{'value': #value}")
	public int method67(int value) {
		return value + 67;
	}

	/**
	 * Governed method 68.
	 * @param value the value
	 * @return the value plus 68
	 */
	@Enforced(actionType = "action_68", scope = "{'table': 'table_68'}", args = "{'value': #value}")
	public int method68(int value) {
		return value + 68;
	}

	/**
	 * Governed method 69.
	 * @param value the value
	 * @return the value plus 69
	 */
	@Enforced(actionType = "action_69", scope = "{'table': 'table_69'}", args = "{'value': #value}")
	public int method69(int value) {
		return value + 69;
	}

	/**
	 * Governed method 70.
	 * @param value the value
	 * @return the value plus 70
	 */
	@Enforced(actionType = "action_70", scope = "{'table': 'table_70'}", args = "{'value': #value}")
	public int method70(int value) {
		return value + 70;
	}

	/**
	 * Governed method 71.
	 * @param value the value
	 * @return the value plus 71
	 */
	@Enforced(actionType = "action_71", scope = "{'table': 'table_71'}", args = "{'value': #value}")
	public int method71(int value) {
		return value + 71;
	}

	/**
	 * Governed method 72.
	 * @param value the value
	 * @return the value plus 72
	 */
	@Enforced(actionType = "action_72", scope = "{'table': 'table_72'}", args = "{'value': #value}")
	public int method72(int value) {
		return value + 72;
	}

	/**
	 * Governed method 73.
	 * @param value the value
	 * @return the value plus 73
	 */
	@Enforced(actionType = "action_73", scope = "{'table': 'table_73'}", args = "{'value': #value}")
	public int method73(int value) {
		return value + 73;
	}

	/**
	 * Governed method 74.
	 * @param value the value
	 * @return the value plus 74
	 */
	@Enforced(actionType = "action_74", scope = "{'table': 'table_74'}", args = "{'value': #value}")
	public int method74(int value) {
		return value + 74;
	}

	/**
	 * Governed method 75.
	 * @param value the value
	 * @return the value plus 75
	 */
	@Enforced(actionType = "action_75", scope = "{'table': 'table_75'}", args = "{'value': #value}")
	public int method75(int value) {
		return value + 75;
	}

	/**
	 * Governed method 76.
	 * @param value the value
	 * @return the value plus 76
	 */
	@Enforced(actionType = "action_76", scope = "{'table': 'table_76'}", args = "{'value': #value}")
	public int method76(int value) {
		return value + 76;
	}

	/**
	 * Governed method 77.
	 * @param value the value
	 * @return the value plus 77
	 */
	@Enforced(actionType = "action_77", scope = "{'table': 'table_77'}", args = "{'value': #value}")
	public int method77(int value) {
		return value + 77;
	}

	/**
	 * Governed method 78.
	 * @param value the value
	 * @return the value plus 78
	 */
	@Enforced(actionType = "action_78", scope = "{'table': 'table_78'}", args = "{'value': #value}")
	public int method78(int value) {
		return value + 78;
	}

	/**
	 * Governed method 79.
	 * @param value the value
	 * @return the value plus 79
	 */
	@Enforced(actionType = "action_79", scope = "{'table': 'table_79'}", args = "{'value': #value}")
	public int method79(int value) {
		return value + 79;
	}

	/**
	 * Governed method 80.
	 * @param value the value
	 * @return the value plus 80
	 */
	@Enforced(actionType = "action_80", scope = "{'table': 'table_80'}", args = "{'value': #value}")
	public int method80(int value) {
		return value + 80;
	}

	/**
	 * Governed method 81.
	 * @param value the value
	 * @return the value plus 81
	 */
	@Enforced(actionType = "action_81", scope = "{'table': 'table_81'}", args = "{'value': #value}")
	public int method81(int value) {
		return value + 81;
	}

	/**
	 * Governed method 82.
	 * @param value the value
	 * @return the value plus 82
	 */
	@Enforced(actionType = "action_82", scope = "{'table': 'table_82'}", args = "{'value': #value}")
	public int method82(int value) {
		return value + 82;
	}

	/**
	 * Governed method 83.
	 * @param value the value
	 * @return the value plus 83
	 */
	@Enforced(actionType = "action_83", scope = "{'table': 'table_83'}", args = "{'value': #value}")
	public int method83(int value) {
		return value + 83;
	}

	/**
	 * Governed method 84.
	 * @param value the value
	 * @return the value plus 84
	 */
	@Enforced(actionType = "action_84", scope = "{'table': 'table_84'}", args = "{'value': #value}")
	public int method84(int value) {
		return value + 84;
	}

	/**
	 * Governed method 85.
	 * @param value the value
	 * @return the value plus 85
	 */
	@Enforced(actionType = "action_85", scope = "{'table': 'table_85'}", args = "{'value': #value}")
	public int method85(int value) {
		return value + 85;
	}

	/**
	 * Governed method 86.
	 * @param value the value
	 * @return the value plus 86
	 */
	@Enforced(actionType = "action_86", scope = "{'table': 'table_86'}", args = "{'value': #value}")
	public int method86(int value) {
		return value + 86;
	}

	/**
	 * Governed method 87.
	 * @param value the value
	 * @return the value plus 87
	 */
	@Enforced(actionType = "action_87", scope = "{'table': 'table_87'}", args = "{'value': #value}")
	public int method87(int value) {
		return value + 87;
	}

	/**
	 * Governed method 88.
	 * @param value the value
	 * @return the value plus 88
	 */
	@Enforced(actionType = "action_88", scope = "{'table': 'table_88'}", args = "{'value': #value}")
	public int method88(int value) {
		return value + 88;
	}

	/**
	 * Governed method 89.
	 * @param value the value
	 * @return the value plus 89
	 */
	@Enforced(actionType = "action_89", scope = "{'table': 'table_89'}", args = "{'value': #value}")
	public int method89(int value) {
		return value + 89;
	}

	/**
	 * Governed method 90.
	 * @param value the value
	 * @return the value plus 90
	 */
	@Enforced(actionType = "action_90", scope = "{'table': 'table_90'}", args = "{'value': #value}")
	public int method90(int value) {
		return value + 90;
	}

	/**
	 * Governed method 91.
	 * @param value the value
	 * @return the value plus 91
	 */
	@Enforced(actionType = "action_91", scope = "{'table': 'table_91'}", args = "{'value': #value}")
	public int method91(int value) {
		return value + 91;
	}

	/**
	 * Governed method 92.
	 * @param value the value
	 * @return the value plus 92
	 */
	@Enforced(actionType = "action_92", scope = "{'table': 'table_92'}", args = "{'value': #value}")
	public int method92(int value) {
		return value + 92;
	}

	/**
	 * Governed method 93.
	 * @param value the value
	 * @return the value plus 93
	 */
	@Enforced(actionType = "action_93", scope = "{'table': 'table_93'}", args = "{'value': #value}")
	public int method93(int value) {
		return value + 93;
	}

	/**
	 * Governed method 94.
	 * @param value the value
	 * @return the value plus 94
	 */
	@Enforced(actionType = "action_94", scope = "{'table': 'table_94'}", args = "{'value': #value}")
	public int method94(int value) {
		return value + 94;
	}

	/**
	 * Governed method 95.
	 * @param value the value
	 * @return the value plus 95
	 */
	@Enforced(actionType = "action_95", scope = "{'table': 'table_95'}", args = "{'value': #value}")
	public int method95(int value) {
		return value + 95;
	}

	/**
	 * Governed method 96.
	 * @param value the value
	 * @return the value plus 96
	 */
	@Enforced(actionType = "action_96", scope = "{'table': 'table_96'}", args = "{'value': #value}")
	public int method96(int value) {
		return value + 96;
	}

	/**
	 * Governed method 97.
	 * @param value the value
	 * @return the value plus 97
	 */
	@Enforced(actionType = "action_97", scope = "{'table': 'table_97'}", args = "{'value': #value}")
	public int method97(int value) {
		return value + 97;
	}

	/**
	 * Governed method 98.
	 * @param value the value
	 * @return the value plus 98
	 */
	@Enforced(actionType = "action_98", scope = "{'table': 'table_98'}", args = "{'value': #value}")
	public int method98(int value) {
		return value + 98;
	}

	/**
	 * Governed method 99.
	 * @param value the value
	 * @return the value plus 99
	 */
	@Enforced(actionType = "action_99", scope = "{'table': 'table_99'}", args = "{'value': #value}")
	public int method99(int value) {
		return value + 99;
	}

}
