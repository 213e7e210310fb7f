package speaker

import "strings"

// Common English first names by usual gender. Politics and celebrity news
// name people in full on first mention, so the first name is the most
// reliable gender cue before any pronoun is seen. Ambiguous names (Jordan,
// Leslie, Kelly, ...) are left out on purpose.
var maleFirst = set(`aaron abe abraham adam adrian al alan albert alec alex alexander alfred
	allen alvin andrew andy angus anthony antonin antonio archie arnold arthur ashton austin
	barack barry ben benjamin bennie bernard bernie bill billy bob bobby boris brad bradley
	brandon brett brian bruce bryan buck buzz calvin carl carlos cecil chad charles charlie chester
	chris christopher chuck clarence claude clay clayton clint clinton cody colin connor corey
	cory craig curt curtis dale dan daniel danny darrell dave david dean dennis denzel derek
	devin dick dirk don donald doug douglas duane dustin dwight dylan earl ed eddie edgar edward
	edwin eli elijah elliot elliott emanuel emmanuel enrique eric erik ernest ethan eugene evan
	frank franklin fred freddie frederick gabriel gary gavin gene geoff geoffrey george gerald
	gilbert glenn gordon grant greg gregory gus hank harold harry harvey hector henry herbert
	herman howard hugh hugo ian isaac jack jackson jacob jake james jamie jared jason jay jeb
	jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel joey john johnny jon jonathan jorge
	jose joseph josh joshua juan julian justin karl keith ken kenneth kevin kirk kurt kyle lamar
	lance larry lawrence lee leo leon leonard lester lewis lincoln lindsey lloyd louis luis luke
	lyndon marc marco mark martin marvin matt matthew maurice max michael miguel mike mitch mitt
	mohammed muhammad nathan neil newt nicholas nick noah norman oliver orrin oscar pat patrick
	paul pete peter phil philip phillip preet rafael ralph rand randy ray raymond reince reggie
	richard rick rob robby robert roberto rod rodney roger roland ron ronald ross roy rudy
	russ russell ryan sam samuel scott sean sergei seth shaun sherrod stanley stephen steve
	steven stuart ted terry theodore thomas tim timothy todd tom tommy tony travis trey troy tyler
	vernon victor vince vincent vladimir wade walter warren wayne wesley will william willie
	xi zach zachary`)

var femaleFirst = set(`abby abigail ada adele alexandra alexis alice alicia alison allison
	amanda amber amy amelia ana andrea angela angelina ann anna anne annie april ashley audrey
	barbara becky bella beth betsy betty beverly bonnie brenda bridget britney brittany brooke
	camila candace candy carla carly carmen carol caroline carolyn cassandra catherine cathy
	cecilia charlotte chelsea cheryl christina christine cindy claire clara claudia colleen
	connie courtney cynthia daisy dana danielle debbie deborah debra denise diana diane donna
	doris dorothy edith elaine eleanor elena elise elizabeth ella ellen emily emma erica erin
	esther eva eve evelyn faith felicia fiona florence frances gabrielle gail gemma georgia
	gina gloria grace gwen gwyneth hannah harriet heather heidi helen hillary holly hope huma
	ida irene iris isabel isabella ivanka jackie jacqueline jane janet janice jasmine jean
	jeanne jennifer jenny jessica jill jo joan joanna jodi josephine joy joyce judith judy julia
	julie june karen kate katherine kathleen kathryn kathy katie katy kay kayla kellyanne
	kim kimberly kirsten kristen laura lauren leah linda lisa liz lois loretta lorraine louise
	lucy lydia lynn madeleine madeline madison maggie maria marian marie marilyn marion martha
	mary maureen maxine megan meghan melania melanie melinda melissa meryl mia michele michelle
	mildred miriam molly monica nancy naomi natalie nicole nikki nina nora olivia paige pam
	pamela patricia patty paula pauline peggy penny phyllis priscilla rachel rebecca regina
	renee rita roberta robin rosa rosalind rose rosie ruth sally samantha sandra sara sarah
	selena serena shannon sharon sheila shirley sonia sophia sophie stacey stephanie sue susan
	suzanne sylvia tammy tamara tanya tara teresa theresa tiffany tina tracy valerie vanessa
	vera veronica victoria virginia wanda wendy whitney yvonne zoe`)

// firstName tells a known first name, or one joined of known names by
// hyphens ("Jo-Renee", "Mary-Kate").
func firstName(w string) bool {
	for _, p := range strings.Split(w, "-") {
		if !maleFirst[p] && !femaleFirst[p] {
			return false
		}
	}
	return true
}

// genderOfName guesses 'm' or 'f' from the first word of a canonical name,
// or from a gendered title in the original spelling; 0 when unknown.
func genderOfName(orig, canon string) byte {
	for _, w := range strings.Fields(orig) {
		switch key(w) {
		case "mr", "sir", "congressman", "king", "prince", "father":
			return 'm'
		case "mrs", "ms", "miss", "congresswoman", "chairwoman", "queen", "princess", "dame":
			return 'f'
		}
	}
	// A lone word may be a surname that is also a first name ("Clinton").
	f := strings.Fields(canon)
	if len(f) < 2 {
		return 0
	}
	first := key(f[0])
	switch {
	case maleFirst[first]:
		return 'm'
	case femaleFirst[first]:
		return 'f'
	}
	return 0
}
