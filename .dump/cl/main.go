package main

import (
	"fmt"
	"os"

	"github.com/stocknews/stocknews/entities"
)

func main() {
	for _, s := range os.Args[1:] {
		for _, c := range entities.Claims(s, &entities.ClaimOptions{Year: 2021}) {
			fmt.Printf("%q subj=%q v=%s up=%s unit=%s cmp=%s kind=%s per=%s sym=%s\n", c.Text, c.Subject, c.Value, c.Upper, c.Unit, c.Comparator, c.Kind, c.Period, c.Symbol)
		}
		fmt.Println("--")
	}
}
