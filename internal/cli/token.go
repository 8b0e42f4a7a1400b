package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

func (a *App) tokenCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "token",
		Short: "Manage the API tokens that may add documents through the HTTP API",
		Args:  cobra.NoArgs,
	}
	var db, name string
	create := &cobra.Command{
		Use:   "create [--db PATH] [--name N]",
		Short: "Create an API token and print it (it is stored hashed and cannot be shown again)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openStore(cmd.Context(), db)
			if err != nil {
				return err
			}
			defer st.Close()
			tok, err := st.CreateToken(cmd.Context(), name, a.Now())
			if err != nil {
				return err
			}
			fmt.Fprintln(a.Stdout, tok)
			return nil
		},
	}
	create.Flags().StringVar(&db, "db", "", "store path (default $SITREP_DB, else ./sitrep.db)")
	create.Flags().StringVar(&name, "name", "", "a name to remember what the token is for")
	c.AddCommand(create)
	return c
}
