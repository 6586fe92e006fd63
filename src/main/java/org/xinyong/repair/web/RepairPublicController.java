package org.xinyong.repair.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.xinyong.repair.Repairs;

/**
 * The public list of credit commitments made with repair applications (信用承诺公示).
 */
@Controller
class RepairPublicController {

	private final Repairs repairs;

	RepairPublicController(Repairs repairs) {
		this.repairs = repairs;
	}

	@GetMapping("/publicity/repair-commitments")
	String commitments(Model model) {
		model.addAttribute("commitments", repairs.commitments());
		return "repair/commitments";
	}
}
